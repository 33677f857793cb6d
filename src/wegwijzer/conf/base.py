"""Settings shared by every environment. Environment modules import from here."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from wegwijzer.conf.env import env, env_bool, env_list

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

DEBUG = False
SECRET_KEY = env("SECRET_KEY", help="Django secret key; required in production.", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", help="Comma-separated host names the app answers for.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "wegwijzer.web",
    "django_countries",
    "wegwijzer.accounts",
    "wegwijzer.registry",
    "wegwijzer.linkage",
    "wegwijzer.stats",
    "wegwijzer.knowledge",
    "wegwijzer.indicators",
    "wegwijzer.directory",
    "wegwijzer.cases",
    "wegwijzer.audit",
    "wegwijzer.estimation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wegwijzer.web.middleware.PrivacyHeadersMiddleware",
    "wegwijzer.web.middleware.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wegwijzer.urls"
WSGI_APPLICATION = "wegwijzer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wegwijzer.web.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env(
            "DATABASE_URL",
            f"sqlite:///{PROJECT_DIR / 'var' / 'wegwijzer.sqlite3'}",
            help="Database URL: sqlite:///path (embedded default) or postgres://user@host:port/name.",
        ),
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "wegwijzer",
    }
}
_redis_url = env("REDIS_URL", help="Redis URL for the shared cache (optional; locmem without).")
if _redis_url:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _redis_url,
    }
# Seconds a rendered anonymous public page is kept in the app's cache.
PUBLIC_PAGE_CACHE_SECONDS = int(
    env("PUBLIC_PAGE_CACHE_SECONDS", "300", help="Seconds to keep rendered public pages (0: off).")
)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so a throttled username is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Only to verify (and then upgrade) hashes made before Argon2 was the default.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "registry:list"
SESSION_COOKIE_AGE = int(
    env("SESSION_COOKIE_AGE", str(8 * 3600), help="Seconds a professional stays logged in.")
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling (django-axes): after 5 wrong passwords for one username from one
# address, that pair is locked for 15 minutes. TOTP codes have their own throttle.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "wegwijzer.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "Wegwijzer"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(
    env("STATIC_ROOT", str(PROJECT_DIR / "var" / "static"), help="collectstatic target.")
)

# Knowledge content: version-controlled Markdown files, one folder per language.
CONTENT_DIR = Path(env("CONTENT_DIR", str(PROJECT_DIR / "content"), help="Knowledge content root."))

# Privacy: nothing that makes a browser tell another site where the visitor was.
# same-origin, not no-referrer: other sites learn nothing either way, but with no-referrer
# Chromium sends `Origin: null` on our own form posts, which CSRF protection must refuse.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}

# Registry: the secret key of the identifier encodings (HMAC and Bloom filters). Whoever
# holds it can test guesses against the encodings, so it lives only in the environment.
IDENTIFIER_KEY = env(
    "IDENTIFIER_KEY",
    help="Secret key (32+ characters) for the keyed identifier encodings; required.",
    required=True,
)
# Retention (AVG art. 5(1)(e)); docs/registry.md gives the reasons for each period.
REGISTRY_IDENTIFIER_RETENTION_YEARS = int(
    env("REGISTRY_IDENTIFIER_RETENTION_YEARS", "5", help="Years identifiers are kept.")
)
REGISTRY_RECORD_RETENTION_YEARS = int(
    env("REGISTRY_RECORD_RETENTION_YEARS", "15", help="Years a registration is kept in full.")
)

# Quick exit leaves for this neutral site.
QUICK_EXIT_URL = env(
    "QUICK_EXIT_URL",
    "https://www.buienradar.nl/",
    help="Neutral site the quick-exit control opens.",
)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wegwijzer API",
    "DESCRIPTION": "Public knowledge content and search of Wegwijzer.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO", help="Root log level.")},
    # WeasyPrint narrates every rendering step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

DEBUG = env_bool("DEBUG", False, help="Django debug mode; never in production.")
