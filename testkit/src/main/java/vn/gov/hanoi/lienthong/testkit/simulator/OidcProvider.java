package vn.gov.hanoi.lienthong.testkit.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The city's OpenID Connect provider, as far as the hub uses one (a Keycloak realm, say): discovery, the
 * authorization endpoint of the code flow — which signs in, at once, the person the test chose — the token endpoint
 * (an ID token signed RS256 with the person's name and roles, in Keycloak's {@code realm_access.roles} claim) and
 * the key set. One client, with a secret.
 */
public final class OidcProvider implements AutoCloseable {

    /** Who the provider signs in next. */
    public record Person(String username, String name, List<String> roles) {
    }

    private record Grant(Person person, String nonce, String redirectUri) {
    }

    private final HttpServer server;
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile Person next;

    private OidcProvider(int port, String clientId, String clientSecret) throws Exception {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = new RSAKeyGenerator(2048).keyID("lienthong-test").generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.issuer = "http://127.0.0.1:" + port + "/realms/hanoi";
        server.createContext("/realms/hanoi/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/hanoi/protocol/openid-connect/auth", this::authorize);
        server.createContext("/realms/hanoi/protocol/openid-connect/token", this::token);
        server.createContext("/realms/hanoi/protocol/openid-connect/certs", this::keys);
        server.start();
    }

    public static OidcProvider start(int port, String clientId, String clientSecret) {
        try {
            return new OidcProvider(port, clientId, clientSecret);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The person the next authorization request signs in. */
    public void signInAs(String username, String name, String... roles) {
        this.next = new Person(username, name, List.of(roles));
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        metadata.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        metadata.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        answer(exchange, 200, "application/json", JSONObjectUtils.toJSONString(metadata).getBytes(StandardCharsets.UTF_8));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        Person person = next;
        if (person == null || !clientId.equals(query.get("client_id"))) {
            answer(exchange, 400, "text/plain", "no person to sign in, or an unknown client".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(person, query.get("nonce"), query.get("redirect_uri")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        answer(exchange, 302, "text/plain", new byte[0]);
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || grant == null
                || !"authorization_code".equals(form.get("grant_type")) || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer).subject(UUID.nameUUIDFromBytes(grant.person().username().getBytes(StandardCharsets.UTF_8)).toString())
                    .audience(clientId).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", grant.nonce()).claim("azp", clientId)
                    .claim("preferred_username", grant.person().username()).claim("name", grant.person().name())
                    .claim("realm_access", Map.of("roles", grant.person().roles()))
                    .build();
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            idToken.sign(new RSASSASigner(key));
            Map<String, Object> tokens = Map.of("access_token", UUID.randomUUID().toString(), "token_type", "Bearer",
                    "expires_in", 300, "id_token", idToken.serialize(), "scope", "openid profile");
            answer(exchange, 200, "application/json", JSONObjectUtils.toJSONString(tokens).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            answer(exchange, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void keys(HttpExchange exchange) throws IOException {
        answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) return values;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
