package dev.switchman.checks.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.cert.CRLException;
import java.util.ArrayList;
import java.util.List;

/** Reads certificates and CRLs from PEM (or DER) files; errors name the file and what was expected. */
public final class Pem {

    private Pem() {
    }

    public static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(file + ": expected at least one PEM certificate (-----BEGIN CERTIFICATE-----), found none");
            }
            return List.copyOf(out);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file (expected a PEM file of certificates)");
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(file + ": not a readable PEM certificate file: " + e.getMessage(), e);
        }
    }

    public static List<X509CRL> crls(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509CRL> out = new ArrayList<>();
            for (CRL c : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                out.add((X509CRL) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(file + ": expected at least one PEM CRL (-----BEGIN X509 CRL-----), found none");
            }
            return List.copyOf(out);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file (expected a PEM file of CRLs)");
        } catch (IOException | CertificateException | CRLException e) {
            throw new IllegalArgumentException(file + ": not a readable PEM CRL file: " + e.getMessage(), e);
        }
    }
}
