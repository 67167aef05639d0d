"""A query's canonical form on PostgreSQL: its tsquery as the search configuration reads it
(folded, stemmed, equivalents expanded), with the words no document holds taken out by logic: a
word in no document matches nothing, so ``rug | absent`` is ``rug``, ``rug & absent`` matches
nothing and ``rug & !absent`` is ``rug``. Queries with one canonical form ("Rugs", "rug",
"rug or zqx") find the same products in the same order (a word no document holds adds nothing
to any document's rank), so they share one ranked index (``SearchView.rows_key``). Checked at
100,000 products for the RUM index's order (or, and, and-not, phrase, nested) and ``ts_rank``'s
(all but and-not: ``ts_rank`` weighs an excluded word in its and-proximity, so without RUM
"rug -zqx" is ranked as "rug").

The tsquery's text is parsed here because PostgreSQL offers no function listing a query's
lexemes or simplifying it (``ts_rewrite`` with an empty substitute drops an operand, turning
``rug & absent`` into ``rug``).
"""

import re

TRUE, FALSE = "TRUE", "FALSE"
TOKEN = re.compile(r"\s*('(?:[^']|'')*'(?::[*A-Da-d]+)?|!|&|\||<->|<\d+>|\(|\))")


def parse(text):
    """The tree of a tsquery's text as PostgreSQL prints it: ``("atom", text)``,
    ``("not", node)``, ``(operator, left, right)`` with operator ``&``, ``|``, ``<->``, ``<N>``."""
    tokens = TOKEN.findall(text)
    if "".join(tokens).replace(" ", "") != re.sub(r"\s", "", text):
        raise ValueError(f"not a tsquery: {text!r}")
    node, position = _parse_or(tokens, 0)
    if position != len(tokens):
        raise ValueError(f"not a tsquery: {text!r}")
    return node


def _parse_or(tokens, position):
    return _parse_binary(tokens, position, lambda token: token == "|", _parse_and)


def _parse_and(tokens, position):
    return _parse_binary(tokens, position, lambda token: token == "&", _parse_phrase)


def _parse_phrase(tokens, position):
    return _parse_binary(tokens, position, lambda token: token.startswith("<"), _parse_not)


def _parse_binary(tokens, position, is_operator, operand):
    """Left-associative operators (tokens ``is_operator`` accepts) over ``operand``."""
    left, position = operand(tokens, position)
    while position < len(tokens):
        token = tokens[position]
        if not is_operator(token):
            break
        right, position = operand(tokens, position + 1)
        left = (token, left, right)
    return left, position


def _parse_not(tokens, position):
    if position >= len(tokens):
        raise ValueError("a tsquery ends with an operator")
    token = tokens[position]
    if token == "!":
        node, position = _parse_not(tokens, position + 1)
        return ("not", node), position
    if token == "(":
        node, position = _parse_or(tokens, position + 1)
        if position >= len(tokens) or tokens[position] != ")":
            raise ValueError("a tsquery's parenthesis is not closed")
        return node, position + 1
    if token.startswith("'"):
        return ("atom", token), position + 1
    raise ValueError(f"unexpected {token!r} in a tsquery")


def atoms(node):
    """The lexemes (as tsquery text) of a tree, once each, in order."""
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current[0] == "atom":
            if current[1] not in found:
                found.append(current[1])
        else:
            stack.extend(reversed(current[1:]))
    return found


def lexeme(atom):
    """An atom's lexeme: ``'it''s':*`` -> ``it's``."""
    return atom[1 : atom.rindex("'")].replace("''", "'")


def simplify(node, present):
    """``node`` with the atoms not in ``present`` replaced by FALSE and the logic reduced: a
    tree, TRUE or FALSE. A phrase holding a negation is kept whole (``a <-> !b`` is not
    ``a`` even when no document holds b)."""
    kind = node[0]
    if kind == "atom":
        return node if node[1] in present else FALSE
    if kind == "not":
        inner = simplify(node[1], present)
        return FALSE if inner == TRUE else TRUE if inner == FALSE else ("not", inner)
    left, right = simplify(node[1], present), simplify(node[2], present)
    if kind == "&":
        if FALSE in (left, right):
            return FALSE
        return right if left == TRUE else left if right == TRUE else ("&", left, right)
    if kind == "|":
        if TRUE in (left, right):
            return TRUE
        return right if left == FALSE else left if right == FALSE else ("|", left, right)
    if FALSE in (left, right):
        return FALSE
    if TRUE in (left, right):
        return node
    return (kind, left, right)


def text(node):
    """A tree as tsquery text, every operation in parentheses: one text per tree."""
    kind = node[0]
    if kind == "atom":
        return node[1]
    if kind == "not":
        return f"!{text(node[1])}"
    return f"({text(node[1])} {kind} {text(node[2])})"
