"""What the fuzz test of public URLs drives: every URL pattern of the project, the values its
path parameters take (real objects' or garbage), and garbage query strings and form fields.

``routes()`` walks ``get_resolver()`` recursively; each ``Route`` knows its parameters and the
regular expression each must match, so a URL can be built from any values (``Route.url``).
"""

import inspect
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from django.urls import URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.regex_helper import normalize
from hypothesis import strategies as st

LANGUAGE = "__lang"
LANGUAGES = ("en", "fr", "ar", "es")
LOGIN_PATHS = ("/accounts/login/", "/django-admin/login/", "/cms/login/", "/dashboard/login/")


@dataclass(frozen=True)
class Route:
    """One URL pattern: its path (``normalize`` formats) and parameters with their regexes."""

    formats: tuple
    params: tuple  # ((name, regex), ...) in path order
    view: object  # the view class or function, under its decorators
    name: str  # the namespaced URL name, "" when unnamed

    @property
    def access_key(self):
        """Routes with the same key share their access rule: one view in one mounted area."""
        return self.view, self.formats[0]

    def url(self, values, query=""):
        """The URL with ``values``: each parameter's value, already percent-encoded."""
        path = "/" + "".join(self.formats) % values
        return f"{path}?{query}" if query else path


def capture_groups(regex):
    """The outer capturing groups of ``regex`` as (name, sub-regex), in order; unnamed ones are
    named ``_0``, ``_1``… as ``django.utils.regex_helper.normalize`` names them."""
    groups, stack, unnamed, index, in_class = [], [], 0, 0, False
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            outer = not any(captured for captured, _name, _start in stack)
            if regex.startswith("(?P<", index):
                end = regex.index(">", index)
                stack.append((outer, regex[index + 4 : end], end + 1))
            elif regex.startswith("(?", index):
                stack.append((False, None, None))
            else:
                stack.append((outer, f"_{unnamed}", index + 1))
                unnamed += outer
        elif char == ")":
            captured, name, start = stack.pop()
            if captured:
                groups.append((name, regex[start:index]))
        index += 1
    return groups


def _piece(pattern):
    """A pattern's path piece: (format, ((name, regex), ...))."""
    if isinstance(pattern, LocalePrefixPattern):
        return f"%({LANGUAGE})s/", ((LANGUAGE, "|".join(LANGUAGES)),)
    regex = pattern.regex.pattern
    (fmt, _names), *_alternatives = normalize(regex)
    return fmt, tuple(capture_groups(regex))


def _view(callback):
    view = getattr(callback, "view_class", None) or inspect.unwrap(callback)
    return getattr(view, "__func__", view)  # a ModelAdmin's method: the same for every model


def routes(resolver=None, formats=(), params=(), namespaces=()):
    """Every URL pattern of the project, as ``Route``s."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        fmt, more = _piece(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from routes(entry, (*formats, fmt), (*params, *more), inner)
        else:
            name = ":".join([*namespaces, entry.name]) if entry.name else ""
            yield Route((*formats, fmt), (*params, *more), _view(entry.callback), name)


def path_values_of(urls):
    """The path parameters of real URLs: ({URL name: [values]}, {parameter: {values}}), each
    value percent-encoded as it goes in a path."""
    by_route, by_name = {}, {}
    for url in urls:
        language = url.split("/")[1]
        with translation.override(language if language in LANGUAGES else "en"):
            match = resolve(url)
        arguments = {**match.kwargs, **{f"_{i}": value for i, value in enumerate(match.args)}}
        values = {name: quote(str(value), safe="/") for name, value in arguments.items()}
        by_route.setdefault(match.view_name, []).append(values)
        for name, value in values.items():
            by_name.setdefault(name, set()).add(value)
    return by_route, by_name


def is_login_redirect(response):
    location = response.headers.get("Location", "")
    return response.status_code in (301, 302) and any(p in location for p in LOGIN_PATHS)


# Garbage: what a scanner, a broken client or a hostile user sends.
GARBAGE = (
    "",
    " ",
    "\x00",
    "a\x00b",
    "-1",
    "0",
    "-0",
    "1.5",
    "4,2",
    "1e309",
    "NaN",
    "Infinity",
    "٣",
    "99999999999999999999999999",
    "-99999999999999999999",
    str(2**31),
    str(2**63),
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "\ufeff\u202e",
    "🏺" * 40,
    "x" * 5000,
)
# Percent-encodings that are not UTF-8 or not encodings at all, sent as they are.
RAW_ENCODINGS = ("%00", "%ff", "%FE%FF", "%c3%28", "%ed%a0%80", "%e2%80", "%", "%zz", "%%", "+%2B")
PARAM_NAMES = (
    "q",
    "page",
    "per_page",
    "sort",
    "sort_by",
    "craft",
    "region",
    "material",
    "technique",
    "price",
    "unique",
    "ships_to",
    "next",
    "currency",
    "country",
    "language",
    "p",
    "status",
    "seller",
    "carrier",
    "prefer",
    "hash",
    "email",
    "format",
    "name",
    "code",
    "quantity",
)


def encoded(values):
    """Percent-encoded values, with now and then an invalid raw encoding instead."""
    return st.one_of(
        values.map(lambda value: quote(value, safe="")),
        st.sampled_from(RAW_ENCODINGS),
        values.map(lambda value: quote(value, safe="") + "%ff"),
    )


def text_values(real=()):
    """Values of a text parameter: real ones (to go deep), garbage, numbers and any text."""
    choices = [
        st.sampled_from(GARBAGE),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.text(max_size=30),
    ]
    if real:
        choices.insert(0, st.sampled_from(sorted(real)))
    return st.one_of(*choices)


def query_strings(real=()):
    """Query strings: known and random names, repeated at will, with encoded garbage values."""
    names = st.one_of(st.sampled_from(PARAM_NAMES), st.text(min_size=1, max_size=8))
    return st.lists(st.tuples(names, encoded(text_values(real))), max_size=6).map(urlencoded)


def path_values(route, real):
    """Values for ``route``'s parameters: a real object's, one its regex matches, or garbage.
    ``real``: ``path_values_of`` real URLs."""
    by_route, by_name = real
    strategies = {}
    for name, regex in route.params:
        if name == LANGUAGE:
            strategies[name] = st.sampled_from(LANGUAGES)
            continue
        matching = st.from_regex(f"^(?:{regex})$", fullmatch=True)
        choices = [encoded(matching), encoded(st.sampled_from(GARBAGE))]
        if by_name.get(name):
            choices.insert(0, st.sampled_from(sorted(by_name[name])))
        strategies[name] = st.one_of(*choices)
    return st.one_of(st.sampled_from(real_values(route, real)), st.fixed_dictionaries(strategies))


def real_values(route, real):
    """Values of ``route``'s parameters from each real URL of its own; without one, from real
    URLs with parameters of the same names, else "1"."""
    by_route, by_name = real
    return [
        {
            name: "en" if name == LANGUAGE else values.get(name) or min(by_name.get(name) or {"1"})
            for name, _regex in route.params
        }
        for values in by_route.get(route.name) or [{}]
    ]


def first_values(route, real):
    return real_values(route, real)[0]


# One of each kind of garbage, percent-encoded, put in every parameter at once (explicit
# examples: every route meets each kind whatever the random draw).
GARBAGE_EVERYWHERE = (
    "%00",
    "%ff",
    "-1",
    "99999999999999999999999999",
    quote("x" * 3000),
)


def garbage_everywhere(route, real):
    """Explicit (path values, query) examples: each garbage kind in every query parameter, then
    in every path parameter its regex lets through, then every parameter repeated."""
    plain = first_values(route, real)
    yield plain, ""
    for garbage in GARBAGE_EVERYWHERE:
        yield plain, urlencoded((name, garbage) for name in PARAM_NAMES)
    for garbage in GARBAGE_EVERYWHERE:
        values = {
            name: garbage if name != LANGUAGE and re.fullmatch(regex, unquote(garbage)) else value
            for (name, regex), value in zip(route.params, plain.values(), strict=True)
        }
        if values != plain:
            yield values, ""
    yield plain, urlencoded((name, value) for name in PARAM_NAMES for value in ("1", "2", "%00"))


def urlencoded(pairs):
    """A query string or form body of (name, value already encoded) pairs."""
    return "&".join(f"{quote(name, safe='')}={value}" for name, value in pairs)


def form_bodies(fields, real=()):
    """Bodies for a form: each field as shown or garbage, and up to three known names more."""
    values = encoded(text_values(real))
    shown = [
        st.tuples(st.just(name), st.one_of(st.just(quote(value, safe="")), values))
        for name, value in fields.items()
    ]
    more = st.lists(st.tuples(st.sampled_from(PARAM_NAMES), values), max_size=3)
    return st.tuples(st.tuples(*shown), more).map(lambda drawn: urlencoded([*drawn[0], *drawn[1]]))


def garbage_forms(fields):
    """Explicit bodies: each garbage kind in every field of the form and every known name."""
    names = dict.fromkeys([*fields, *PARAM_NAMES])
    for garbage in GARBAGE_EVERYWHERE:
        yield urlencoded((name, garbage) for name in names)
