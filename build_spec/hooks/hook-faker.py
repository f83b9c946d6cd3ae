"""Faker for PAL Desktop: the Polish (pl_PL) providers only, instead of every locale (about 20 MB).

Overrides the pyinstaller-hooks-contrib hook (a hook in the spec's ``hookspath`` takes precedence).
Faker finds its providers at run time by listing ``<_MEIPASS>/faker/providers/*/__init__.py`` and each
provider's locale sub-packages on disk (faker.utils.loading.list_module), so besides the hidden imports
the ``__init__.py`` files of every bundled provider and locale must also be present as data files.
For a localized provider without pl_PL, Faker falls back to the provider's ``default_locale`` (or en_US),
so that one is bundled instead.
"""

from PyInstaller import isolated

LOCALES = ("pl_PL",)


@isolated.decorate
def _faker_layout(locales):
    import importlib
    import os
    import pkgutil

    import faker
    import faker.providers

    package_root = os.path.dirname(os.path.dirname(faker.__file__))
    modules = ["faker.providers"]
    for info in pkgutil.iter_modules(faker.providers.__path__):
        if not info.ispkg:
            continue
        name = f"faker.providers.{info.name}"
        provider = importlib.import_module(name)
        modules.append(name)
        if not getattr(provider, "localized", False):
            continue
        available = {sub.name for sub in pkgutil.iter_modules(provider.__path__) if sub.ispkg}
        wanted = [locale for locale in locales if locale in available]
        if not wanted:
            wanted = [getattr(provider, "default_locale", "") or "en_US"]
        modules += [f"{name}.{locale}" for locale in wanted]
    datas = []
    for module in modules:
        init = os.path.join(package_root, *module.split("."), "__init__.py")
        datas.append((init, os.path.dirname(os.path.relpath(init, package_root))))
    return modules, datas


hiddenimports, datas = _faker_layout(LOCALES)
