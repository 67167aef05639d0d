"""``<field>__any_of=[ids]``: an id among a list, sent as one array parameter on PostgreSQL.

Django's ``__in`` with a list writes one placeholder per id; with the hundreds or thousands of
ids of a search or a listing, composing and parsing that statement cost more than running it.
On PostgreSQL this lookup writes ``field = ANY(%s::bigint[])`` (one parameter, planned like a
small IN list); elsewhere it falls back to ``IN (%s, ...)``.
"""

from django.db.models import ForeignKey, IntegerField, Lookup


@IntegerField.register_lookup
@ForeignKey.register_lookup
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [[int(item) for item in value]]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _rhs, rhs_params = self.process_rhs(compiler, connection)
        ids = rhs_params[0]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", (*lhs_params, ids)
        if not ids:
            return "1 = 0", tuple(lhs_params)
        placeholders = ", ".join(["%s"] * len(ids))
        return f"{lhs} IN ({placeholders})", (*lhs_params, *ids)
