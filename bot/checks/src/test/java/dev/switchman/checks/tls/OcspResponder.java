package dev.switchman.checks.tls;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** A real OCSP responder over loopback HTTP (GET and POST, RFC 6960), signing as the issuing CA. */
public final class OcspResponder implements AutoCloseable {

    private final HttpServer server;
    private final TestPki.Issued issuer;
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();

    public OcspResponder(TestPki.Issued issuer) throws IOException {
        this.issuer = issuer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/ocsp", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp";
    }

    public void revoke(BigInteger serial) {
        revoked.add(serial);
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try {
            byte[] der;
            if ("POST".equals(ex.getRequestMethod())) {
                der = ex.getRequestBody().readAllBytes();
            } else {
                String path = ex.getRequestURI().getRawPath();
                String b64 = URLDecoder.decode(path.substring(path.indexOf("/ocsp/") + 6), StandardCharsets.US_ASCII);
                der = Base64.getDecoder().decode(b64);
            }
            byte[] body = respond(new OCSPReq(der));
            ex.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (Exception e) {
            ex.sendResponseHeaders(500, -1);
        } finally {
            ex.close();
        }
    }

    private byte[] respond(OCSPReq req) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        BasicOCSPRespBuilder b = new JcaBasicOCSPRespBuilder(issuer.cert().getPublicKey(), digests.get(CertificateID.HASH_SHA1));
        Instant now = Instant.now();
        for (Req r : req.getRequestList()) {
            CertificateID id = r.getCertID();
            CertificateStatus status = revoked.contains(id.getSerialNumber())
                    ? new RevokedStatus(Date.from(now.minus(Duration.ofDays(1))), CRLReason.keyCompromise)
                    : CertificateStatus.GOOD;
            b.addResponse(id, status, Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), null);
        }
        Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            b.setResponseExtensions(new Extensions(nonce));
        }
        String alg = issuer.key().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        BasicOCSPResp basic = b.build(new JcaContentSignerBuilder(alg).build(issuer.key()),
                new X509CertificateHolder[] {new JcaX509CertificateHolder(issuer.cert())}, Date.from(now));
        OCSPResp resp = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
        return resp.getEncoded();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
