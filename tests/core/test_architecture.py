"""The import layers (pyproject.toml, import-linter) cover every module of the project: a new
module must be given its layer, so ``lint-imports`` checks what it may import."""

import pkgutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def contracts():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return config["root_packages"], config["contracts"]


def layer_modules():
    _roots, found = contracts()
    (layers,) = [contract["layers"] for contract in found if contract["type"] == "layers"]
    return {
        name.strip()
        for layer in layers
        for name in layer.replace("|", ":").split(":")
        if name.strip()
    }


def project_modules():
    roots, _contracts = contracts()
    for root in roots:
        yield root
        for module in pkgutil.walk_packages([str(ROOT / root)], prefix=f"{root}."):
            yield module.name


def covered(module, layered):
    parts = module.split(".")
    return any(".".join(parts[:size]) in layered for size in range(1, len(parts) + 1))


def test_every_module_sits_in_a_layer():
    layered = layer_modules()
    packages_split_across_layers = {name.rsplit(".", 1)[0] for name in layered if "." in name}
    missing = [
        module
        for module in project_modules()
        if not covered(module, layered) and module not in packages_split_across_layers
    ]
    assert missing == []


def test_every_layer_names_a_real_module():
    names = set(project_modules())
    assert sorted(layer_modules() - names) == []
