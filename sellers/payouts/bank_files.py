"""A payout run as bank transfer files, for Moroccan accounts (RIB, MAD).

``batch_csv(run)``: one row per payout (the format most Moroccan banks' bulk-transfer portals
import after column mapping). ``pain001(run)``: an ISO 20022 ``pain.001.001.03`` customer
credit transfer initiation; accounts are RIBs (``Othr/Id`` with the proprietary scheme
``RIB``, as Morocco's IBAN is the RIB behind ``MA`` and check digits that banks do not all
take yet), the creditor's bank by its three-digit bank code, the debtor's by its BIC when set.
``tests/data/pain.001.001.03.xsd`` is the schema it is checked against.
"""

import csv
import io
import xml.etree.ElementTree as ET

from django.conf import settings
from django.utils import timezone

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
CSV_COLUMNS = (
    "payout_reference",
    "beneficiary",
    "rib",
    "bank_code",
    "bank_name",
    "amount",
    "currency",
    "execution_date",
    "remittance",
)


def remittance(payout):
    return f"{payout.reference} {payout.run.reference}"[:140]


def batch_csv(run):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for payout in run.payouts.select_related("run").order_by("pk"):
        writer.writerow(
            [
                payout.reference,
                payout.beneficiary,
                payout.rib,
                payout.rib[:3],
                payout.bank_name,
                f"{payout.amount:.2f}",
                payout.currency,
                run.execution_date.isoformat(),
                remittance(payout),
            ]
        )
    return out.getvalue()


def _add(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = str(text)
    return element


def _account(parent, tag, rib, currency):
    account = _add(parent, tag)
    other = _add(_add(account, "Id"), "Othr")
    _add(other, "Id", rib)
    _add(_add(other, "SchmeNm"), "Prtry", "RIB")
    _add(account, "Ccy", currency)


def _agent(parent, tag, bic="", bank_code=""):
    institution = _add(_add(parent, tag), "FinInstnId")
    if bic:
        _add(institution, "BIC", bic)
    elif bank_code:
        _add(_add(institution, "ClrSysMmbId"), "MmbId", bank_code)
    else:
        _add(_add(institution, "Othr"), "Id", "NOTPROVIDED")


def _party(parent, tag, name):
    party = _add(parent, tag)
    _add(party, "Nm", name[:70])
    _add(_add(party, "PstlAdr"), "Ctry", "MA")


def pain001(run):
    """The run as pain.001.001.03 XML bytes (UTF-8)."""
    payouts = list(run.payouts.select_related("run").order_by("pk"))
    count, total = str(len(payouts)), f"{sum(p.amount for p in payouts):.2f}"
    # Plain tags under a default namespace declared on the root: every element is in it.
    document = ET.Element("Document", xmlns=NAMESPACE)
    initiation = _add(document, "CstmrCdtTrfInitn")
    header = _add(initiation, "GrpHdr")
    _add(header, "MsgId", run.reference)
    _add(header, "CreDtTm", timezone.localtime().replace(microsecond=0, tzinfo=None).isoformat())
    _add(header, "NbOfTxs", count)
    _add(header, "CtrlSum", total)
    _add(_add(header, "InitgPty"), "Nm", settings.PAYOUT_DEBTOR_NAME[:70])
    info = _add(initiation, "PmtInf")
    _add(info, "PmtInfId", run.reference)
    _add(info, "PmtMtd", "TRF")
    _add(info, "BtchBookg", "false")
    _add(info, "NbOfTxs", count)
    _add(info, "CtrlSum", total)
    _add(info, "ReqdExctnDt", run.execution_date.isoformat())
    _party(info, "Dbtr", settings.PAYOUT_DEBTOR_NAME)
    debtor_rib = settings.PAYOUT_DEBTOR_RIB
    _account(info, "DbtrAcct", debtor_rib or "NOTPROVIDED", run.currency)
    _agent(info, "DbtrAgt", bic=settings.PAYOUT_DEBTOR_BIC, bank_code=debtor_rib[:3])
    _add(info, "ChrgBr", "DEBT")
    for payout in payouts:
        transfer = _add(info, "CdtTrfTxInf")
        ids = _add(transfer, "PmtId")
        _add(ids, "InstrId", payout.reference)
        _add(ids, "EndToEndId", payout.reference)
        _add(_add(transfer, "Amt"), "InstdAmt", f"{payout.amount:.2f}", Ccy=payout.currency)
        _agent(transfer, "CdtrAgt", bank_code=payout.rib[:3])
        _party(transfer, "Cdtr", payout.beneficiary)
        _account(transfer, "CdtrAcct", payout.rib, payout.currency)
        _add(_add(transfer, "RmtInf"), "Ustrd", remittance(payout))
    return ET.tostring(document, encoding="utf-8", xml_declaration=True)
