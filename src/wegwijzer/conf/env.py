"""One helper through which every setting is read from the environment.

Each variable is declared with a default and a help text, so `wegwijzer env`
can list what an operator may set. A variable declared with `required=True`
has no default: reading it when unset raises, which is how production fails closed.
"""

import os
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Variable:
    name: str
    default: str | None
    help: str
    required: bool


DECLARED: dict[str, Variable] = {}


def env(name: str, default: str | None = None, *, help: str, required: bool = False) -> str:
    DECLARED[name] = Variable(name, default, help, required)
    value = os.environ.get(name)
    if value not in (None, ""):
        return value
    if required:
        raise ImproperlyConfigured(f"Set the environment variable {name}: {help}")
    return default or ""


def env_bool(name: str, default: bool, *, help: str) -> bool:
    raw = env(name, "true" if default else "false", help=help)
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: str = "", *, help: str, required: bool = False) -> list[str]:
    raw = env(name, default, help=help, required=required)
    return [item.strip() for item in raw.split(",") if item.strip()]
