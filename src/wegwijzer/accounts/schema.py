"""Tell the OpenAPI schema how the intake token is sent."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class IntakeTokenScheme(OpenApiAuthenticationExtension):
    target_class = "wegwijzer.accounts.api_auth.IntakeTokenAuthentication"
    name = "intakeToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`; submits registrations only.",
        }
