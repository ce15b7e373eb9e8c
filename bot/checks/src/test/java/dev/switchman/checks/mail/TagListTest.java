package dev.switchman.checks.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 6376 3.2 tag lists, and DKIM key records (3.6.1) beyond the corpora. */
class TagListTest {

    @Test
    void whiteSpaceAroundNamesAndValuesIsIgnoredAndTrailingSemicolonAllowed() {
        assertEquals(Map.of("v", "DKIM1", "t", "y:s"), TagList.parse(" v = DKIM1 ;\r\n\tt=y:s;"));
    }

    @Test
    void duplicateTagsInvalidateTheList() {
        assertThrows(TagList.TagSyntaxException.class, () -> TagList.parse("p=a; p=b"));
    }

    @Test
    void dkimVersionMustBeFirstIfPresent() {
        DkimKeyRecord k = DkimKeyRecord.parse("k=ed25519; v=DKIM1; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        assertEquals(false, k.valid());
        assertEquals("v= must be the first tag", k.problem());
    }

    @Test
    void dkimEd25519KeyIsRawThirtyTwoBytes() {
        DkimKeyRecord k = DkimKeyRecord.parse("v=DKIM1; k=ed25519; h=sha256; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        assertEquals(true, k.valid());
        assertEquals(256, k.keyBits());
        assertEquals(List.of("sha256"), k.hashes());
    }

    @Test
    void dkimEmptyPIsRevoked() {
        DkimKeyRecord k = DkimKeyRecord.parse("v=DKIM1; p=");
        assertEquals(true, k.revoked());
        assertEquals(false, k.valid());
    }
}
