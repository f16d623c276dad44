from relata.records import Analysis, Document, Token


def test_body_is_the_text_after_the_header():
    document = Document(id="x", text=" date 2025-01-01 Текст статьи.", body_start=17)
    assert document.body == "Текст статьи."


def test_token_feature_lookup():
    token = Token(0, 5, "Баку", "баку", "PROPN", (("Case", "Nom"), ("Number", "Sing")))
    assert token.feat("Case") == "Nom"
    assert token.feat("Gender") is None


def test_analysed_only_without_skip_or_failure():
    document = Document(id="x", text="т")
    assert Analysis(document).analysed
    assert not Analysis(document, skipped="language en").analysed
    assert not Analysis(document, failure="stage 'russian' failed").analysed
