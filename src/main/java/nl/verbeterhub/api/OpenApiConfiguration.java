package nl.verbeterhub.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI document, served at {@code /api/v1/openapi.json} (springdoc, application.yml). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI verbeterhubApi() {
        return new OpenAPI()
                .info(new Info().title("Verbeterhub API").version("v1")
                        .description("Connectors, extracts, rejections (reason, position, field — never content), drafts, "
                                + "operators' actions and push uploads. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("uploadToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("a connector's upload token (VERBETERHUB_UPLOAD_TOKEN_<ID>): uploads only")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("uploadToken"));
    }
}
