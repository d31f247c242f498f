package nl.verbeterhub.remote.sftp;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchSessionDisconnectException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.failure.RemoteSourceException;

/**
 * Says what an SFTP failure means for the connector, in the terms of {@link RemoteSourceException} so that
 * the one FailureClassifier decides: a host key that is not the one in {@code knownHosts} and a refused login
 * stop the connector (never accepted, never retried blindly); an unreachable server is retried. The messages
 * reach health and logs: host, port, user and names of environment variables only, never a secret or a file name.
 */
final class SftpFailures {

    private SftpFailures() {
    }

    /** The failure as a {@link RemoteSourceException}, or the failure itself when it is none of SFTP's own. */
    static Throwable translate(Throwable failure, SourceSettings.Sftp s, Function<String, String> environment) {
        String server = s.host() + ":" + s.port();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RemoteSourceException) return t;
            if (t instanceof JSchChangedHostKeyException) {
                return new RemoteSourceException.Refused("the SFTP server " + server + " presented a host key that differs "
                        + "from the one in knownHosts; it is not accepted: check with the hospital, update knownHosts and resume", failure);
            }
            if (t instanceof JSchUnknownHostKeyException) {
                return new RemoteSourceException.Refused("the host key of the SFTP server " + server
                        + " is not in knownHosts (" + s.knownHosts().getFileName() + ")", failure);
            }
            if (t instanceof JSchHostKeyException) {
                return new RemoteSourceException.Refused("the host key of the SFTP server " + server + " is not accepted", failure);
            }
            // JSch's own auth exceptions are not public: "Auth fail for methods …", "Auth cancel …".
            if (t instanceof JSchException && t.getMessage() != null && t.getMessage().startsWith("Auth ")) {
                return new RemoteSourceException.Refused("the SFTP server " + server + " refused the login of " + s.user()
                        + missingSecrets(s, environment), failure);
            }
            if (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                    || t instanceof JSchSessionDisconnectException || t instanceof JSchException && unreachable(t.getMessage())) {
                return new RemoteSourceException.Unavailable("the SFTP server " + server + " cannot be reached ("
                        + t.getClass().getSimpleName() + ")", failure);
            }
            if (t instanceof SftpException e) {
                // No such file, permission denied, a file gone while listed: the server answered, the next poll tries again.
                return new RemoteSourceException.Unavailable("the SFTP server " + server + " refused an operation (SFTP status "
                        + e.id + ")", failure);
            }
            if (t instanceof IOException && t.getClass().getName().startsWith("java.io")) {
                return new RemoteSourceException.Unavailable("the transfer from the SFTP server " + server + " broke off ("
                        + t.getClass().getSimpleName() + ")", failure);
            }
        }
        return failure;
    }

    private static boolean unreachable(String message) {
        if (message == null) return false;
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("timeout") || m.contains("connection refused") || m.contains("session is down")
                || m.contains("closed by foreign host") || m.contains("connection reset") || m.contains("channel is not opened");
    }

    /** ": the environment variable X is not set" when a secret the connector names is missing, else "". */
    private static String missingSecrets(SourceSettings.Sftp s, Function<String, String> environment) {
        for (Optional<String> env : List.of(s.privateKeyEnv(), s.passwordEnv())) {
            if (env.isPresent() && SftpPickup.blank(environment.apply(env.get()))) {
                return ": the environment variable " + env.get() + " is not set";
            }
        }
        return "";
    }
}
