package nl.verbeterhub.remote.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-process SFTP server (Apache MINA SSHD) on a free port of 127.0.0.1, serving a local folder as its
 * root, with its own host key; one user who logs in with a password or a public key.
 */
final class EmbeddedSftpServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final SshServer server;
    private final KeyPair hostKey;

    private EmbeddedSftpServer(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    static EmbeddedSftpServer start(Path root, String user, String password, PublicKey clientKey) {
        KeyPair hostKey = keyPair("EC", 256);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(HOST);
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
        server.setPublickeyAuthenticator((u, key, session) -> user.equals(u) && KeyUtils.compareKeys(key, clientKey));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedSftpServer(server, hostKey);
    }

    int port() {
        return server.getPort();
    }

    /** This server's line in a known_hosts file, for a server that listens on {@code port}. */
    String knownHostsLine(int port) {
        return "[" + HOST + "]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    static KeyPair keyPair(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unencrypted PKCS#8 PEM, as an operator would put it in the environment variable {@code privateKeyEnv} names. */
    static String pem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
