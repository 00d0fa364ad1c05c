from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import views, wallet_views

app_name = "credentials"

urlpatterns = [
    path(".well-known/did.json", views.did_json, name="did"),
    path("credentials/status/<id:number>", views.status_list, name="status_list"),
    path("credentials/<str:code>.jwt", views.by_code, name="by_code"),
    path("credentials/<str:code>.json", views.by_code_json, name="by_code_json"),
    path("mijn/certificaten/<id:pk>/open-badge.json", views.download, name="download"),
    path("mijn/certificaten/<id:pk>/wallet/", wallet_views.add_to_wallet, name="wallet"),
    # OpenID for Verifiable Credential Issuance 1.0 (pre-authorised code flow).
    path(
        ".well-known/openid-credential-issuer",
        wallet_views.credential_issuer_metadata,
        name="oid4vci_metadata",
    ),
    path(
        ".well-known/oauth-authorization-server",
        wallet_views.oauth_metadata,
        name="oid4vci_oauth_metadata",
    ),
    path("oid4vci/offers/<str:offer_id>", wallet_views.offer, name="oid4vci_offer"),
    path("oid4vci/token", wallet_views.token, name="oid4vci_token"),
    path("oid4vci/nonce", wallet_views.nonce, name="oid4vci_nonce"),
    path("oid4vci/credential", wallet_views.credential, name="oid4vci_credential"),
]
