"""The one word splitter, the casing module and the name allocator."""

from __future__ import annotations

import pytest

from generator.naming.allocator import RENAMED, Owner, RenameLog, Scope
from generator.naming.casing import (
    camel,
    capitalized,
    kebab,
    pascal,
    singular,
    snake,
    upper_snake,
)
from generator.naming.words import identifier_words, lower_words, number_words, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("assistantId", ("assistant", "Id")),
        ("HTTPHeader", ("HTTP", "Header")),
        ("api-version", ("api", "version")),
        ("Runs_GetRun", ("Runs", "Get", "Run")),
        ("include[]", ("include",)),
        ("v1", ("v1",)),
        ("listV1Items", ("list", "V1", "Items")),
        ("oauth2_token", ("oauth2", "token")),
        ("3DSecure", ("3", "D", "Secure")),
        ("3d_secure", ("3d", "secure")),
        ("Café au lait", ("Cafe", "au", "lait")),
        ("名前", ()),
        ("a\u202eb", ("ab",)),
        ("", ()),
        ("../etc", ("etc",)),
    ],
)
def test_words(text: str, expected: tuple[str, ...]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("0", ("zero",)),
        ("3", ("three",)),
        ("20", ("twenty",)),
        ("42", ("forty", "two")),
        ("404", ("four", "hundred", "four")),
        ("200", ("two", "hundred")),
        ("2024", ("two", "zero", "two", "four")),
        ("007", ("zero", "zero", "seven")),
    ],
)
def test_number_words(digits: str, expected: tuple[str, ...]) -> None:
    assert number_words(digits) == expected


def test_leading_digits_read_as_words() -> None:
    assert identifier_words("3d_secure") == ("three", "d", "secure")
    assert snake("3d_secure") == "three_d_secure"
    assert pascal("2fa") == "TwoFa"
    assert camel("3DSecure") == "threeDSecure"
    assert snake("item2") == "item2"


@pytest.mark.parametrize(
    ("text", "s", "c", "p", "k"),
    [
        ("thread_id", "thread_id", "threadId", "ThreadId", "thread-id"),
        ("assistantId", "assistant_id", "assistantId", "AssistantId", "assistant-id"),
        ("URL", "url", "url", "URL", "url"),
        ("APIKey", "api_key", "apiKey", "APIKey", "api-key"),
        ("fine_tuning", "fine_tuning", "fineTuning", "FineTuning", "fine-tuning"),
        ("v1", "v1", "v1", "V1", "v1"),
        ("Twilio - Messaging", "twilio_messaging", "twilioMessaging", "TwilioMessaging", "twilio-messaging"),
        ("", "", "", "", ""),
    ],
)
def test_casing(text: str, s: str, c: str, p: str, k: str) -> None:
    assert (snake(text), camel(text), pascal(text), kebab(text)) == (s, c, p, k)


def test_upper_snake_and_singular() -> None:
    assert upper_snake("apiKey") == "API_KEY"
    assert [singular(w) for w in ("runs", "batches", "entries", "class")] == [
        "run",
        "batch",
        "entry",
        "class",
    ]


def test_allocator_reserved_and_collisions() -> None:
    log = RenameLog()
    scope = Scope("class `Thing`", log, reserved={"class", "str"})
    assert scope.claim("class", "property `class`") == "class_"
    assert scope.claim("str", "property `str`") == "str_"
    assert scope.claim("foo_bar", "property `foo_bar`") == "foo_bar"
    assert scope.claim("foo_bar", "property `fooBar`") == "foo_bar2"
    assert scope.claim("foo_bar", "property `foo-bar`") == "foo_bar3"
    assert scope.claim("v1", "property `v1`") == "v1"
    assert scope.claim("v1", "property `V1`") == "v1_2"
    assert scope.claim("", "property `名前`") == "value"
    assert scope.claim("", "property `名`") == "value2"
    assert all(w.code == RENAMED for w in log.warnings)
    messages = [w.message for w in log.warnings]
    assert len(messages) == 7
    assert "property `fooBar` is named `foo_bar2` instead of `foo_bar`" in messages[2]
    assert "already property `foo_bar`" in messages[2]
    assert "reserved" in messages[0]


def test_allocator_reserved_underscore_form_taken() -> None:
    log = RenameLog()
    scope = Scope("signature", log, reserved={"timeout"})
    assert scope.claim("timeout_", "parameter `timeout_`") == "timeout_"
    assert scope.claim("timeout", "parameter `timeout`") == "timeout_2"


def test_allocator_folds_case_for_file_names() -> None:
    log = RenameLog()
    files = Scope("folder `types`", log, fold=str.casefold)
    assert files.claim("Pets", "model `Pets`") == "Pets"
    assert files.claim("pets", "resource `pets`") == "pets2"


def test_allocator_is_deterministic_and_located() -> None:
    def run() -> tuple[list[str], list[str]]:
        log = RenameLog()
        scope = Scope("module", log)
        owner = Owner("schema `Pet`", "spec.yaml", "/components/schemas/Pet")
        got = [scope.claim(n, owner) for n in ("Pet", "Pet", "Pet2", "Pet")]
        return got, [w.render() for w in log.warnings]

    first = run()
    assert first == run()
    assert first[0] == ["Pet", "Pet2", "Pet2_2", "Pet3"]
    assert first[1][0].startswith("spec.yaml at #/components/schemas/Pet: warning:")


def test_lower_words_and_capitalized() -> None:
    assert lower_words("createRun") == lower_words("create_run") == ["create", "run"]
    assert capitalized("MCP tool approval") == "McpToolApproval"
    assert capitalized("run_step-details") == "RunStepDetails"
    assert pascal("MCP tool") == "MCPTool"


def test_fork_sees_what_its_parent_holds_and_keeps_its_own() -> None:
    log = RenameLog()
    package = Scope("package", log, reserved={"List"})
    package.claim("Pet", "schema `Pet`")
    module = package.fork("module of `pets`")
    assert module.claim("Pet", "resource `pet`") == "Pet2"
    assert module.claim("List", "resource `list`") == "List_"
    assert package.is_free("Pet2"), "a fork's names stay in the fork"
    other = package.fork("module of `dogs`")
    assert other.claim("Pet", "resource `pet`") == "Pet2"


def test_variants_must_all_be_free() -> None:
    log = RenameLog()
    scope = Scope("classes", log)
    scope.claim("AsyncPets", "schema `AsyncPets`")

    def twins(name: str) -> tuple[str, ...]:
        return (f"Async{name}", f"{name}WithRawResponse")

    assert scope.claim("Pets", "resource `pets`", twins) == "Pets2"
    assert not scope.is_free("AsyncPets2") and not scope.is_free("Pets2WithRawResponse")
    assert "`AsyncPets` is already schema `AsyncPets`" in log.warnings[0].message


def test_claim_all_keeps_exact_names_first() -> None:
    log = RenameLog()
    scope = Scope("schema `Thing`", log)
    wanted = [("foo_bar", "fooBar"), ("foo_bar", "foo_bar"), ("foo_bar2", "foo_bar2")]
    given = scope.claim_all(wanted, spelled=["fooBar", "foo_bar", "foo_bar2"])
    # The spec's own `foo_bar` and `foo_bar2` keep their names; `fooBar` moves on.
    assert given == ["foo_bar3", "foo_bar", "foo_bar2"]
    assert [c.given for c in log.claims] == ["foo_bar", "foo_bar2", "foo_bar3"]
    assert [(c.owner, c.wanted) for c in log.claims][-1] == ("fooBar", "foo_bar")
    assert len(log.warnings) == 1


def test_messages_show_invisible_characters() -> None:
    log = RenameLog()
    Scope("s", log, reserved={"kind"}).claim("kind", Owner("property `kind\u202e`"))
    assert "\u202e" not in log.warnings[0].message
    assert "<U+202E>" in log.warnings[0].message


def test_allocator_reserved_suffix_per_scope() -> None:
    log = RenameLog()
    types = Scope("models", log, reserved={"Error", "Array"}, reserved_suffix="Model")
    assert types.claim("Error", "schema `Error`") == "ErrorModel"
    assert types.claim("ErrorModel", "schema `ErrorModel`") == "ErrorModel2"
    namespace = types.child("namespace `Run`", reserved={"Array"})
    assert namespace.claim("Array", "member `array`") == "ArrayModel"
    assert "`Error` is reserved" in log.warnings[0].message
