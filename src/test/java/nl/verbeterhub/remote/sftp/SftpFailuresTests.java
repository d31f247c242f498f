package nl.verbeterhub.remote.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSchException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.failure.Failure;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.failure.RemoteSourceException;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.junit.jupiter.api.Test;

/** What an SFTP failure means for the connector: stop it, or try again at the next poll. */
class SftpFailuresTests {

    static final SourceSettings.Sftp SETTINGS = new SourceSettings.Sftp(SourceSettings.Fhir.DEFAULTS, "sftp.example.org", 2222,
            "out", "hub", Optional.empty(), Optional.of("SFTP_PASSWORD"), Path.of("known_hosts"), Duration.ofMinutes(15));
    static final Function<String, String> NONE = Map.<String, String>of()::get;
    final FailureClassifier classifier = new FailureClassifier();

    @Test
    void aRefusedLoginStopsTheConnectorAndNamesAMissingSecret() {
        Throwable t = SftpFailures.translate(connectFailed(new JSchException("Auth fail for methods 'publickey,password'")),
                SETTINGS, NONE);
        assertThat(t).isInstanceOf(RemoteSourceException.Refused.class)
                .hasMessage("the SFTP server sftp.example.org:2222 refused the login of hub: the environment variable "
                        + "SFTP_PASSWORD is not set");
        assertThat(classifier.classify(t)).isEqualTo(Failure.STOP);
        assertThat(SftpFailures.translate(new JSchException("Auth fail"), SETTINGS, Map.of("SFTP_PASSWORD", "x")::get))
                .hasMessage("the SFTP server sftp.example.org:2222 refused the login of hub");
    }

    @Test
    void anUnreachableServerIsRetried() {
        Throwable refused = SftpFailures.translate(connectFailed(new JSchException("java.net.ConnectException: Connection refused",
                new ConnectException("Connection refused"))), SETTINGS, NONE);
        Throwable timeout = SftpFailures.translate(connectFailed(new JSchException("timeout: socket is not established")),
                SETTINGS, NONE);
        for (Throwable t : new Throwable[]{refused, timeout}) {
            assertThat(t).isInstanceOf(RemoteSourceException.Unavailable.class).hasMessageStartingWith(
                    "the SFTP server sftp.example.org:2222 cannot be reached");
            assertThat(classifier.classify(t)).isEqualTo(Failure.RETRIABLE);
        }
    }

    @Test
    void whatIsNoSftpFailureIsLeftToTheClassifier() {
        IllegalStateException bug = new IllegalStateException("x");
        assertThat(SftpFailures.translate(bug, SETTINGS, NONE)).isSameAs(bug);
    }

    @Test
    void temporaryNamesAreNeverPickedUp() {
        for (String name : new String[]{".export-1", "a.csv.part", "a.csv.TMP", "a.filepart", "~$a.csv", "a.csv.inprogress"}) {
            assertThat(SftpPickup.underway(name)).as(name).isTrue();
        }
        assertThat(SftpPickup.underway("pijn-2026-11-20.csv")).isFalse();
    }

    private static GenericFileOperationFailedException connectFailed(Throwable cause) {
        return new GenericFileOperationFailedException("Cannot connect to sftp://hub@sftp.example.org:2222", cause);
    }
}
