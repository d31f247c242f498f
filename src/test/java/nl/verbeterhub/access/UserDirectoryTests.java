package nl.verbeterhub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.connector.ConnectorType;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.connector.SourceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Who may log in: the environment's operator and the users file's people, with bcrypt hashes only. */
class UserDirectoryTests {

    @TempDir
    Path dir;

    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("kwaliteit-wachtwoord");

    @Test
    void operatorsSeeEverythingHospitalUsersTheirAgbsAndTokensOnlyUpload() throws Exception {
        Path file = Files.writeString(dir.resolve("users.yaml"), "users:\n"
                + "  - username: kwaliteit-a\n    password: \"" + HASH + "\"\n    agbs: [\"06010001\"]\n"
                + "  - username: beheer\n    password: \"" + HASH + "\"\n    operator: true\n");
        UserDirectory users = new UserDirectory("from-the-environment", file);
        assertThat(users.user("operator")).get().extracting(HubUser::operator).isEqualTo(true);
        HubUser hospital = users.user("kwaliteit-a").orElseThrow();
        assertThat(hospital.sees("06010001")).isTrue();
        assertThat(hospital.sees("06010002")).isFalse();
        assertThat(hospital.mayUpload("any-connector", "06010001")).isTrue();
        assertThat(users.user("beheer").orElseThrow().sees("06010002")).isTrue();
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("kwaliteit-wachtwoord", users.loadUserByUsername("kwaliteit-a").getPassword())).isTrue();

        HubUser token = HubUser.uploadToken("pijn-a", "06010001");
        assertThat(token.sees("06010001")).as("a token only uploads").isFalse();
        assertThat(token.mayUpload("pijn-a", "06010001")).isTrue();
        assertThat(token.mayUpload("vbi-a", "06010001")).as("another connector of the same hospital").isFalse();
    }

    @Test
    void aPasswordInPlainTextOrAUserWithoutScopeStopsTheStart() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.yaml"), "users:\n  - username: a\n    password: geheim\n    agbs: [\"06010001\"]\n");
        assertThatThrownBy(() -> new UserDirectory(null, plain)).hasMessageContaining(plain.toString())
                .hasMessageContaining("bcrypt hash").hasMessageNotContaining("geheim");
        Path both = Files.writeString(dir.resolve("both.yaml"), "users:\n  - username: b\n    password: \"" + HASH
                + "\"\n    operator: true\n    agbs: [\"06010001\"]\n");
        assertThatThrownBy(() -> new UserDirectory(null, both)).hasMessageContaining("either operator: true or agbs");
        Path neither = Files.writeString(dir.resolve("neither.yaml"), "users:\n  - username: c\n    password: \"" + HASH + "\"\n");
        assertThatThrownBy(() -> new UserDirectory(null, neither)).hasMessageContaining("either operator: true or agbs");
        Path twice = Files.writeString(dir.resolve("twice.yaml"), "users:\n  - username: operator\n    password: \"" + HASH
                + "\"\n    operator: true\n");
        assertThatThrownBy(() -> new UserDirectory("env", twice)).hasMessageContaining("twice");
    }

    @Test
    void withoutEnvironmentOrFileNobodyLogsIn() throws Exception {
        UserDirectory users = new UserDirectory(" ", dir.resolve("absent.yaml"));
        assertThat(users.user("operator")).isEmpty();
    }

    @Test
    void uploadTokensComeFromTheEnvironmentOrAsHashes() {
        Connectors connectors = new Connectors(List.of(new ConnectorConfig("pijn-a", "06010001", "A",
                ConnectorType.CSV_INBOX, dir.resolve("in"), false, Set.of(), Duration.ofSeconds(1),
                new SourceSettings.Csv(Optional.empty(), StandardCharsets.UTF_8, Map.of()), dir.resolve("a.yaml"),
                Optional.empty(), List.of(UploadTokens.sha256("t".repeat(40))))));
        String fromEnvironment = "e".repeat(40);
        UploadTokens tokens = new UploadTokens(connectors,
                name -> name.equals("VERBETERHUB_UPLOAD_TOKEN_PIJN_A") ? fromEnvironment : null);
        assertThat(tokens.user("t".repeat(40))).get().extracting(HubUser::uploadConnector).isEqualTo("pijn-a");
        assertThat(tokens.user(fromEnvironment)).isPresent();
        assertThat(tokens.user("x".repeat(40))).isEmpty();
        assertThatThrownBy(() -> new UploadTokens(connectors, name -> "short")).hasMessageContaining("at least 32");
        ConnectorConfig a = connectors.get("pijn-a");
        Connectors sharing = new Connectors(List.of(a, new ConnectorConfig("vbi-a", "06010001", "A", ConnectorType.CSV_INBOX,
                dir.resolve("in2"), false, Set.of(), Duration.ofSeconds(1), a.settings(), dir.resolve("b.yaml"), Optional.empty(),
                a.uploadTokenSha256())));
        assertThatThrownBy(() -> new UploadTokens(sharing, name -> null)).hasMessageContaining("pijn-a and vbi-a");
    }
}
