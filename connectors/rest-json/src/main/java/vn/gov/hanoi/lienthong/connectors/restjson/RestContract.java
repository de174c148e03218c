package vn.gov.hanoi.lienthong.connectors.restjson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The REST contract partners generate clients from, as the hub really answers: what springdoc derives from the
 * controllers, completed where it cannot see the truth — the multipart parts of a sent document (the envelope,
 * then one file per ContentId), every status an operation answers with the Reason body of its refusals, the
 * public operations that need no credentials, and a server a client can call.
 */
final class RestContract implements OpenApiCustomizer {

    static final String REASON = "Reason";
    /** The people's API (tracking module): clerks and leaders signed in, not agency systems. */
    static final String PEOPLE_API = "/api/v1/tracking";
    private static final String REASON_REF = "#/components/schemas/" + REASON;

    @Override
    public void customise(OpenAPI api) {
        api.getInfo().license(new License().name("Ủy ban nhân dân thành phố Hà Nội — for the city's agencies")
                .url("https://hanoi.gov.vn"));
        // Relative: the hub that serves this description (http://localhost:8080 in the embedded demo, the city's hub
        // over HTTPS in production) — springdoc would otherwise name whatever host the request came through.
        api.setServers(List.of(new Server().url("/").description("The hub that serves this description")));
        api.getComponents().addSchemas(REASON, reasonSchema());
        // springdoc describes the @RequestParam map of parts as a schema of its own; the request body below replaces it.
        api.getComponents().getSchemas().keySet().removeIf(name -> name.startsWith("MultiValueMap"));
        api.getPaths().forEach(this::complete);
    }

    private void complete(String path, PathItem item) {
        boolean open = path.startsWith("/api/v1/directory");
        boolean people = path.startsWith(PEOPLE_API) || path.startsWith("/api/v1/reports");
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
            Operation operation = entry.getValue();
            if (people) {
                // Clerks and leaders, signed in (their security scheme is the tracking module's): never an agency system.
                refusal(operation, "400", "A filter that cannot be read (REQUEST_INVALID)");
                refusal(operation, "401", "Not signed in as a person (AUTHENTICATION_FAILED): agency systems never act as people");
                refusal(operation, "403", "Not the person's: NOT_PERMITTED (no clerk's or leader's role, another agency), "
                        + "NOT_A_PARTY, NOT_A_RECIPIENT");
                if (path.contains("{id}")) refusal(operation, "404", "No such document (DOCUMENT_NOT_FOUND)");
                if (path.endsWith("/paper-copy")) {
                    refusal(operation, "409", "The policy gave this delivery no paper copy (PAPER_COPY_NOT_REQUIRED)");
                }
                refusal(operation, "500", "The hub failed (INTERNAL_ERROR)");
                continue;
            }
            if (open) {
                operation.setSecurity(List.of()); // the public directory (Article 16.7): no credentials
                refusal(operation, "406", "The client accepts no format of this answer");
                continue;
            }
            refusal(operation, "400", "What was sent cannot be taken (see the reason code)");
            refusal(operation, "401", "Unknown system name or wrong secret (AUTHENTICATION_FAILED)");
            refusal(operation, "403", "Not the caller's: SENDER_MISMATCH, NOT_A_RECIPIENT, NOT_A_PARTY, "
                    + "CLIENT_CERTIFICATE_REQUIRED, AGENCY_NOT_ACTIVE…");
            if (path.contains("{id}")) {
                refusal(operation, "404", "No such document (DOCUMENT_NOT_FOUND)");
            }
            refusal(operation, "500", "The hub failed; nothing was taken, send again (INTERNAL_ERROR)");
        }
        if (path.equals("/api/v1/documents") && item.getPost() != null) {
            Operation send = item.getPost();
            send.setRequestBody(documentUpload());
            // springdoc takes the @RequestParam map of parts for a query parameter; the parts are the body's.
            if (send.getParameters() != null) {
                send.getParameters().removeIf(parameter -> "parts".equals(parameter.getName()));
                if (send.getParameters().isEmpty()) send.setParameters(null);
            }
            ApiResponse created = send.getResponses().get("200");
            if (created != null) {
                send.getResponses().addApiResponse("201", new ApiResponse()
                        .description("The document is durable: the hub's id, the time and the signed receipt")
                        .content(created.getContent()));
                created.setDescription("A resend of a document the hub already holds (duplicate: true), with its first id");
            }
            refusal(send, "409", "The same DocumentId was received before with other content (DUPLICATE_ID_CONFLICT)");
            refusal(send, "413", "The envelope is larger than the hub takes (ENVELOPE_TOO_LARGE)");
            refusal(send, "415", "The body is not multipart/form-data (MEDIA_TYPE_UNSUPPORTED)");
            refusal(send, "503", "The pipeline's backlog is past the hub's bound: nothing was taken; send the same "
                    + "document again after Retry-After seconds (HUB_BUSY)");
            send.getResponses().get("503").addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                    .description("Seconds to wait before sending the document again")
                    .schema(new io.swagger.v3.oas.models.media.IntegerSchema()));
        }
        if (path.endsWith("/statuses") && item.getPost() != null) {
            refusal(item.getPost(), "415", "The status is not an edXML status message in XML (MEDIA_TYPE_UNSUPPORTED)");
        }
    }

    private static void refusal(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) return;
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref(REASON_REF)))));
    }

    private static Schema<?> reasonSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("code", new StringSchema().description("The machine-readable reason code (never renamed)")
                .example("DUPLICATE_ID_CONFLICT"));
        properties.put("messageVi", new StringSchema().description("The reason in Vietnamese"));
        properties.put("messageEn", new StringSchema().description("The reason in English"));
        return new ObjectSchema().description("Why the hub refused a request").properties(properties)
                .required(List.of("code", "messageVi", "messageEn"));
    }

    /** The envelope part, then one part per file, each named by its ContentId, its file name the AttachmentName. */
    private static RequestBody documentUpload() {
        ObjectSchema parts = new ObjectSchema();
        parts.description("Part 'envelope': the edXML envelope, byte for byte as the sender signed it. Every other part "
                + "is a file: the part's name is its ContentId as listed in the envelope's edXMLBody, its file name "
                + "the AttachmentName (at most 100 files).");
        parts.addProperty("envelope", new BinarySchema().description("The edXML envelope (application/xml)"));
        parts.setRequired(List.of("envelope"));
        parts.setAdditionalProperties(new BinarySchema().description("A file, under its ContentId"));
        return new RequestBody().required(true).content(new Content().addMediaType("multipart/form-data",
                new MediaType().schema(parts).addEncoding("envelope", new Encoding().contentType("application/xml"))));
    }
}
