"""Russian translations of the nickname's initial level (issue 14)."""

# ruff: noqa: E501

TRANSLATIONS: dict[object, str] = {
    "{channel} {nick}: the initial fits {name}": "{channel} {nick}: инициал подходит к имени {name}",
    "A nickname's initial and surname fit the first name": "Инициал и фамилия в нике подходят к имени",
}
