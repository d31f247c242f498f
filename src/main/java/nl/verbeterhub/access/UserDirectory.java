package nl.verbeterhub.access;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The people who may log in: the operator of {@code VERBETERHUB_OPERATOR_PASSWORD} (as before), and the
 * users of the users file ({@code hub.users-file}), each with a bcrypt hash — never a password — and
 * either {@code operator: true} or the AGBs they see. A file that breaks these rules stops the start.
 */
public final class UserDirectory implements UserDetailsService {

    public static final String OPERATOR = "operator";
    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record UsersFile(List<Entry> users) {
    }

    record Entry(String username, String password, Boolean operator, List<String> agbs) {
    }

    private record Known(String passwordHash, HubUser user) {
    }

    private final Map<String, Known> users = new LinkedHashMap<>();

    /**
     * @param operatorPassword from the environment; null or blank: no built-in operator
     * @param usersFile null or absent: no other users
     */
    public UserDirectory(String operatorPassword, Path usersFile) throws IOException {
        if (operatorPassword != null && !operatorPassword.isBlank()) {
            users.put(OPERATOR, new Known(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(operatorPassword),
                    HubUser.operator(OPERATOR)));
        }
        if (usersFile != null && Files.exists(usersFile)) read(usersFile);
    }

    private void read(Path file) throws IOException {
        UsersFile f;
        try {
            f = YAML.readValue(file.toFile(), UsersFile.class);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": not a valid users file (users: [{username, password, operator | agbs}])");
        }
        if (f == null || f.users() == null) return;
        for (Entry e : f.users()) {
            String name = e.username();
            require(file, name != null && name.matches("[A-Za-z0-9._@-]{1,64}"), "a username of letters, digits and . _ @ -");
            require(file, !users.containsKey(name), "user " + name + " twice (or the environment's operator)");
            require(file, e.password() != null && BCRYPT.matcher(e.password()).matches(),
                    "user " + name + ": password must be a bcrypt hash written {bcrypt}$2a$…, never a password");
            boolean operator = Boolean.TRUE.equals(e.operator());
            List<String> agbs = e.agbs() == null ? List.of() : e.agbs();
            require(file, operator != !agbs.isEmpty(), "user " + name + ": either operator: true or agbs, not both or neither");
            agbs.forEach(agb -> require(file, agb != null && AGB.matcher(agb).matches(), "user " + name + ": an AGB is 8 digits"));
            users.put(name, new Known(e.password(), operator ? HubUser.operator(name) : HubUser.hospital(name, Set.copyOf(agbs))));
        }
    }

    private static void require(Path file, boolean ok, String rule) {
        if (!ok) throw new IllegalStateException(file + ": " + rule);
    }

    public Optional<HubUser> user(String username) {
        return Optional.ofNullable(users.get(username)).map(Known::user);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Known known = users.get(username);
        if (known == null) throw new UsernameNotFoundException("unknown user");
        return User.withUsername(username).password(known.passwordHash())
                .authorities(AuthorityUtils.createAuthorityList(known.user().operator() ? "ROLE_OPERATOR" : "ROLE_HOSPITAL"))
                .build();
    }
}
