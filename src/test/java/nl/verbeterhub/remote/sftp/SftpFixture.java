package nl.verbeterhub.remote.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.verbeterhub.cli.ValidateCommand;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.json.HubJson;

/** Files on both sides of the SFTP connection for {@link SftpInboxIT}, and what {@code validate} makes of a file. */
final class SftpFixture {

    private SftpFixture() {
    }


    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void connector(String id, String agb, int port, String path, String extra, Path knownHosts) {
        String yaml = "id: " + id + "\n"
                + "hospital:\n  agb: \"" + agb + "\"\n  name: Testziekenhuis " + agb + "\n"
                + "type: sftp-inbox\n"
                + "inbox: " + SftpInboxIT.HUB.inbox(id) + "\n"
                + "host: " + EmbeddedSftpServer.HOST + "\nport: " + port + "\npath: " + path + "\nuser: hub\n"
                + "knownHosts: " + knownHosts + "\npollInterval: PT1S\n"
                + extra;
        try {
            Files.createDirectories(SftpInboxIT.HUB.root().resolve("connectors"));
            Files.writeString(SftpInboxIT.HUB.root().resolve("connectors").resolve(id + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As a well-behaved upload does: under a temporary name, renamed when complete. */
    static void upload(Path folder, String name, byte[] content) throws IOException {
        Path part = folder.resolve(name + ".part");
        Files.write(part, content);
        Files.move(part, folder.resolve(name));
    }

    /** The file or folder {@code name} in the inbox's {@code .done/} (stamped in front), or null. */
    static Path archived(Path inbox, String name) {
        return list(inbox.resolve(".done")).stream().filter(p -> p.getFileName().toString().endsWith("-" + name))
                .findFirst().orElse(null);
    }

    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(Path file, String line) {
        appendBytes(file, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void appendBytes(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dir(String name) {
        try {
            return Files.createDirectories(SftpInboxIT.HUB.root().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The drafts {@code validate} prints for these files, by key. */
    static Map<String, JsonNode> validate(HubProperties properties, String agb, Path... files) throws Exception {
        List<String> args = new ArrayList<>(List.of("--agb", agb, "--name", "Testziekenhuis " + agb));
        for (Path f : files) args.add(f.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ValidateCommand(properties, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream())).run(args);
        assertThat(exit).isZero();
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode d : HubJson.MAPPER.readTree(out.toByteArray())) {
            byKey.put(d.at("/hospital/agb").asText() + ":" + d.at("/theme/code").asText() + ":" + d.at("/period/year").asInt(), d);
        }
        return byKey;
    }
}
