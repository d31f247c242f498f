package nl.verbeterhub.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A throw-away CA, a broker certificate for localhost and a client certificate, all signed by that CA,
 * made with the JDK's own keytool: PKCS12 stores under {@code dir}, one password for all.
 */
record TestCertificates(Path truststore, Path brokerKeystore, Path clientKeystore, String password) {

    static TestCertificates create(Path dir) throws IOException, InterruptedException {
        String password = "pw-" + UUID.randomUUID();
        Path ca = dir.resolve("ca.p12");
        Path caCert = dir.resolve("ca.crt");
        Path truststore = dir.resolve("truststore.p12");
        keytool(dir, password, "-genkeypair", "-alias", "ca", "-dname", "CN=Verbeterhub Test CA", "-ext", "bc:c",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-keystore", ca.toString());
        keytool(dir, password, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caCert.toString());
        keytool(dir, password, "-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore", truststore.toString());
        Path broker = signed(dir, password, "broker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        Path client = signed(dir, password, "client", "CN=verbeterhub", null);
        return new TestCertificates(truststore, broker, client, password);
    }

    /** A key pair in its own keystore with the CA's signature on its certificate (the chain imported back). */
    private static Path signed(Path dir, String password, String name, String dname, String san)
            throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".crt");
        keytool(dir, password, "-genkeypair", "-alias", name, "-dname", dname, "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-keystore", store.toString());
        keytool(dir, password, "-certreq", "-alias", name, "-keystore", store.toString(), "-file", csr.toString());
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", dir.resolve("ca.p12").toString(),
                "-infile", csr.toString(), "-outfile", cert.toString(), "-validity", "2"));
        if (san != null) gencert.addAll(List.of("-ext", san));
        keytool(dir, password, gencert.toArray(String[]::new));
        keytool(dir, password, "-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.crt").toString(),
                "-keystore", store.toString());
        keytool(dir, password, "-importcert", "-noprompt", "-alias", name, "-file", cert.toString(), "-keystore", store.toString());
        return store;
    }

    private static void keytool(Path dir, String password, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        if (args[0].equals("-genkeypair")) command.addAll(List.of("-keypass", password));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) throw new IOException("keytool " + args[0] + " failed: " + output);
    }
}
