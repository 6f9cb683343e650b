"""Tests for analytics.sentiment: labels, drivers, language, themes, masking, CSV and calibration.

Every expected value below was written by hand from what the sentence means, not copied from the
scorer's output.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.sentiment import (
    SCORER_NAME,
    THEMES,
    CalibratedScorer,
    SentimentResult,
    annotate_csv,
    calibrate_on_store_comments,
    detect_language,
    mask_personal_data,
    score_text,
    score_texts,
    themes_of,
)

# (comment, expected label): negation, contrast, intensifiers, emoji, wishes, domain phrases.
LABELLED_COMMENTS = [
    ('Bra!', 'positive'),
    ('Great!', 'positive'),
    ('Toppen, tack!', 'positive'),
    ('Inte bra.', 'negative'),
    ('Not good.', 'negative'),
    ('Hörde aldrig av mig efter intervjun.', 'negative'),
    ('De hörde aldrig av sig.', 'negative'),
    ('Rekryteraren har aldrig hört av sig.', 'negative'),
    ('Never heard back after the interview.', 'negative'),
    ('I was ghosted after the second interview.', 'negative'),
    ('No feedback at all.', 'negative'),
    ('Ingen återkoppling alls.', 'negative'),
    ('Trevligt bemötande och tydlig information.', 'positive'),
    ('I felt respected throughout the process.', 'positive'),
    ('Det kändes respektfullt hela vägen.', 'positive'),
    ('Slow process.', 'negative'),
    ('Lång väntan på besked.', 'negative'),
    ('Mycket professionellt.', 'positive'),
    ('Det tog lång tid innan jag fick svar.', 'negative'),
    ('Trevlig rekryterare men processen tog alldeles för lång tid.', 'negative'),
    ('Friendly recruiter, but the process took forever.', 'negative'),
    ('Processen var lång men de var väldigt trevliga.', 'positive'),
    ('The process was slow but everyone was very kind.', 'positive'),
    ('Mycket bra intervju 😊', 'positive'),
    ('Terrible experience 😡', 'negative'),
    ('👍', 'positive'),
    ('👎', 'negative'),
    ('Väldigt dåligt bemötande.', 'negative'),
    ('Extremely professional and well organized.', 'positive'),
    ('Jättebra process, snabb återkoppling!', 'positive'),
    ('Inget att klaga på.', 'positive'),
    ('No complaints.', 'positive'),
    ('Inget att tillägga.', 'neutral'),
    ('Nothing to add.', 'neutral'),
    ('Fick inget svar på mina mejl.', 'negative'),
    ('Jag väntar fortfarande på besked.', 'negative'),
    ('Still waiting for an answer.', 'negative'),
    ('Det hade varit bra med feedback.', 'negative'),
    ('It would have been nice to get some feedback.', 'negative'),
    ('Ni borde återkoppla snabbare.', 'negative'),
    ('Hade önskat mer information om tjänsten.', 'negative'),
    ('Intervjun var okej.', 'neutral'),
    ('The interview was ok.', 'neutral'),
    ('Tack Anna för ett trevligt samtal!', 'positive'),
    ('Thanks to Erik for a great conversation.', 'positive'),
    ('Otrevlig rekryterare som inte lyssnade.', 'negative'),
    ('Kändes oseriöst.', 'negative'),
    ('Jag fick ett automatiskt nej efter tre månader.', 'negative'),
    ('They never called me back.', 'negative'),
    ('Informationen om jobbet stämde inte med verkligheten.', 'negative'),
    ('Fick ett bra erbjudande.', 'positive'),
    ('Lågt lönebud.', 'negative'),
    ('Inte särskilt professionellt.', 'negative'),
    ('Not very professional.', 'negative'),
    ('Ingen hörde av sig på flera veckor.', 'negative'),
    ('Jag fick aldrig någon återkoppling.', 'negative'),
    ('I never got any feedback.', 'negative'),
    ('Kommunikationen var under all kritik.', 'negative'),
    ('The recruiter was rude and unprepared.', 'negative'),
    ('Rekryteraren var otrevlig och oförberedd.', 'negative'),
    ('Fantastisk upplevelse från början till slut!', 'positive'),
    ('Not bad at all.', 'positive'),
    ('Inte dåligt alls.', 'positive'),
    ('Very very good!', 'positive'),
    ('Supertrevlig rekryterare.', 'positive'),
    ('Extremely slow and disorganised.', 'negative'),
    ('Väldigt långsam och rörig process.', 'negative'),
    ('Hade inte kunnat vara bättre.', 'positive'),
    ("Couldn't have been better.", 'positive'),
    ('Kunde varit bättre.', 'negative'),
    ('Could have been better.', 'negative'),
    ('Never again.', 'negative'),
    ('Aldrig mer.', 'negative'),
    ('Snabbt och smidigt 👍', 'positive'),
    ('Snabbt svar men otrevligt bemötande.', 'negative'),
    ('Quick reply but a rude tone.', 'negative'),
    ('Lite långsamt men väldigt trevligt bemötande.', 'positive'),
    ('Jag sökte tjänsten i mars.', 'neutral'),
    ('I applied in March.', 'neutral'),
    ('Jag rekommenderar er varmt!', 'positive'),
    ('Kan inte rekommendera.', 'negative'),
    ('Would not recommend.', 'negative'),
    ('Tydlig kommunikation under hela processen.', 'positive'),
    ('Kommunikationen var bristfällig.', 'negative'),
    ('Kände mig sedd och välkommen.', 'positive'),
    ('Kände mig som en siffra.', 'negative'),
    ('Felt like a number.', 'negative'),
    ('Great experience, thank you!', 'positive'),
    ('Worst recruitment experience ever.', 'negative'),
    ('Sämsta rekryteringsprocessen jag varit med om.', 'negative'),
    ('10/10', 'positive'),
    ('2/10', 'negative'),
    ('Bra :)', 'positive'),
    ('Dåligt :(', 'negative'),
    ('Jag blev ghostad.', 'negative'),
    ('Fick aldrig veta varför.', 'negative'),
    ('Ingen respons på flera veckor.', 'negative'),
    ('Snabb återkoppling och personlig feedback.', 'positive'),
    ('Rekryteraren var nonchalant och dryg.', 'negative'),
    ('The recruiter was friendly and helpful.', 'positive'),
    ('Unclear job description and no salary information.', 'negative'),
    ('Oklar tjänstebeskrivning.', 'negative'),
    # English evaluative vocabulary and grammar added in the second round (general language, and
    # the workplace words candidates use when they compare employers).
    ('Toxic culture and micromanagement.', 'negative'),
    ('Underpaid.', 'negative'),
    ('Great culture.', 'positive'),
    ('Supportive team.', 'positive'),
    ('Not enough training.', 'negative'),
    ('Miserable experience.', 'negative'),
    ('Exceeded my expectations.', 'positive'),
    ('The recruiter went above and beyond.', 'positive'),
    ('Think twice before applying.', 'negative'),
    ('The feedback was vague and the process could be improved.', 'negative'),
    ('Non-competitive pay.', 'negative'),
    ('Non-existent feedback.', 'negative'),
    ('Well-paid job.', 'positive'),
    ('Top-notch recruiters.', 'positive'),
    ('Low-stress environment.', 'positive'),
    ('Low pay.', 'negative'),
    ('Minimal red tape.', 'positive'),
    ('Hassle free process.', 'positive'),
    ('Stress-free interview day.', 'positive'),
    ('No stress at all.', 'positive'),
    ('Nothing to dislike.', 'positive'),
    ('Never late.', 'positive'),
    ('Very little recognition.', 'negative'),
    ('Few perks.', 'negative'),
    ('A little slow but friendly.', 'positive'),
    ('Lacking.', 'negative'),
    ('Lack of growth.', 'negative'),
    ('Too corporate.', 'negative'),
    ('Nice people too.', 'positive'),
    ('Pays well.', 'positive'),
    ('It went well.', 'positive'),
    ('Well, I applied in March.', 'neutral'),
    ('Salary, benefits, work life balance.', 'neutral'),
    ('Job security.', 'neutral'),
    ('No job security.', 'negative'),
    ('No growth, no hike.', 'negative'),
    ("They didn't listen.", 'negative'),
    ('The salary should be revised.', 'negative'),
    ('Should I apply online?', 'neutral'),
    ('Would like to see better pay.', 'negative'),
    ('Salary was lower than expected.', 'negative'),
    ('Non-PTO vacation is great.', 'positive'),
]


@pytest.mark.parametrize(("comment", "expected"), LABELLED_COMMENTS)
def test_label_of_hand_labelled_comment(comment: str, expected: str) -> None:
    assert score_text(comment).label == expected


@pytest.mark.parametrize(
    ("comment", "expected_driver"),
    [
        ("De hörde aldrig av sig.", "-hörde aldrig av"),
        ("Never heard back after the interview.", "-never heard back"),
        ("Trevligt bemötande och tydlig information.", "+trevligt bemötande"),
        ("Jag fick aldrig någon återkoppling.", "-aldrig någon återkoppling"),
        ("Not very professional.", "-not very professional"),
        ("Terrible experience 😡", "-😡"),
        ("Snabbt svar men otrevligt bemötande.", "-otrevligt bemötande"),
        ("I felt respected throughout the process.", "+felt respected"),
    ],
)
def test_drivers_name_the_words_with_their_sign(comment: str, expected_driver: str) -> None:
    assert expected_driver in score_text(comment).drivers


def test_strongest_driver_comes_first() -> None:
    drivers = score_text("Snabbt svar men otrevligt bemötande.").drivers
    assert drivers[0] == "-otrevligt bemötande"
    assert set(drivers[1:]) == {"+snabbt", "+svar"}


def test_contrast_makes_the_clause_after_but_decide() -> None:
    assert score_text("Slow, but friendly.").label == "positive"
    assert score_text("Friendly, but slow.").label == "negative"


def test_intensifier_strengthens_and_negated_praise_is_milder_than_criticism() -> None:
    plain, intense = score_text("Bra process."), score_text("Extremt bra process.")
    assert 0 < plain.score < intense.score
    assert score_text("Dåligt.").score < score_text("Inte bra.").score < 0
    assert score_text("Bad.").score < score_text("Not good.").score < 0


def test_negation_right_before_criticism_is_praise_further_away_only_weakly() -> None:
    # "no stress" denies the stress itself; in "doesn't fix the issue" the negation is the verb's.
    direct, distant = score_text("No stress.").score, score_text("It doesn't fix the issue.").score
    assert direct > distant > 0
    assert score_text("No stress.").score < -score_text("Stress.").score  # milder than the criticism


def test_hyphenated_english_words_are_read_as_their_parts_unless_listed() -> None:
    assert score_text("Low-stress environment.").drivers == ("+low stress",)
    assert score_text("Non-competitive pay.").drivers == ("-non competitive",)
    assert score_text("Easy-going recruiter.").drivers == ("+easy-going",)  # listed as one word


def test_a_need_named_without_judgement_scores_zero() -> None:
    assert score_text("Salary, benefits, work life balance.") == SentimentResult("neutral", 0.0, "en", ())
    assert score_text("Good benefits.").drivers == ("+good",)
    assert score_text("No work life balance.").drivers == ("-no work life balance",)


def test_lacking_counts_on_its_own_and_denies_what_follows() -> None:
    assert score_text("Lacking.").drivers == ("-lacking",)
    assert score_text("Lack of growth.").drivers == ("-lack of growth",)


def test_neutral_comment_has_zero_score_and_no_drivers() -> None:
    assert score_text("Jag sökte tjänsten i mars.") == SentimentResult("neutral", 0.0, "sv", ())


def test_given_language_skips_detection() -> None:
    assert score_text("OK", language="en").language == "en"


def test_score_texts_keeps_order_and_gives_none_for_blank() -> None:
    results = score_texts(["Bra!", None, "  ", "Dåligt.", "Bra!"])
    assert [r.label if r else None for r in results] == ["positive", None, None, "negative", "positive"]
    assert results[0] is results[4]  # a repeated text is scored once


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_valid_result(text: str) -> None:
    result = score_text(text)
    assert -1.0 <= result.score <= 1.0
    assert result.label in ("positive", "neutral", "negative")
    assert result.language in ("sv", "en", "other")


def test_scorer_name_is_versioned() -> None:
    assert SCORER_NAME == "lexicon-v2"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bra!", "sv"),
        ("Great!", "en"),
        ("Tack för en trevlig intervju", "sv"),
        ("Thanks for a nice interview", "en"),
        ("Snabbt svar", "sv"),
        ("Långsamt", "sv"),
        ("Never heard back", "en"),
        ("Hörde aldrig av sig", "sv"),
        ("Sehr gut, vielen Dank", "other"),
        ("Veldig hyggelig og profesjonell", "other"),
        ("👍", "other"),
        ("", "other"),
        ("12345", "other"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_themes_are_in_the_documented_order() -> None:
    assert THEMES == ("communication", "speed", "respect", "interview", "job_info", "offer")


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("Fick ingen återkoppling efter intervjun.", ("communication", "interview")),
        ("Never heard back after the interview", ("communication", "interview")),
        ("Lång väntan och segt", ("speed",)),
        ("The process was slow", ("speed",)),
        ("Trevligt bemötande", ("respect",)),
        ("The recruiter was rude", ("respect",)),
        ("Annonsen beskrev inte arbetsuppgifterna", ("job_info",)),
        ("The job description was misleading", ("job_info",)),
        ("Lågt lönebud i erbjudandet", ("offer",)),
        ("The offer was fair and the salary good", ("offer",)),
        ("Snabbt svar och respektfullt bemötande", ("communication", "speed", "respect")),
        ("Bra", ()),
        ("", ()),
    ],
)
def test_themes_of(text: str, themes: tuple[str, ...]) -> None:
    assert themes_of(text) == themes


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Mejla anna.svensson@example.se om du undrar", "Mejla [email] om du undrar"),
        ("Ring 070-123 45 67 eller 0701234567", "Ring [phone] eller [phone]"),
        ("Nummer: +46 70 123 45 67.", "Nummer: [phone]."),
        ("Växel 08-123 456 78", "Växel [phone]"),
        ("Call +44 20 7946 0958 or (555) 123-4567", "Call [phone] or [phone]"),
        ("Tack Anna Svensson för samtalet", "Tack [name] för samtalet"),
        ("Thanks to Erik for the quick reply", "Thanks to [name] for the quick reply"),
        ("Rekryteraren Zlatan var otrevlig", "Rekryteraren [name] var otrevlig"),
        ("Jag pratade med Karin och Johan Berg.", "Jag pratade med [name] och [name]."),
        ("Lisa var jättetrevlig", "[name] var jättetrevlig"),
        ("Annas återkoppling var bra", "[name] återkoppling var bra"),
        ("Tack Per för hjälpen", "Tack [name] för hjälpen"),
    ],
)
def test_mask_personal_data(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "Intervjun var 2024-05-01 kl 08.30 och lönen 35 000 kr.",
        "Per mejl fick jag beskedet.",
        "Hans återkoppling var bra.",
        "Max två veckors väntan.",
        "Thanks. I really liked it.",
        "Möte med HR via Teams.",
        "Tack för allt!",
    ],
)
def test_mask_personal_data_leaves_ordinary_text_alone(text: str) -> None:
    assert mask_personal_data(text) == text


def test_annotate_csv_reads_cp1252_semicolon_file(tmp_path, capsys) -> None:
    source = tmp_path / "svar.csv"
    source.write_bytes("id;Kommentar\n1;Mycket trevligt bemötande\n2;Hörde aldrig av sig\n3;\n".encode("cp1252"))
    annotate_csv(source, "kommentar")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id;Kommentar;language;sentiment_label;sentiment_score"
    assert lines[1].startswith("1;Mycket trevligt bemötande;sv;positive;0.")
    assert lines[2].startswith("2;Hörde aldrig av sig;sv;negative;-0.")
    assert lines[3] == "3;;;;"


def test_annotate_csv_writes_utf8_file_with_bom_input_and_tabs(tmp_path) -> None:
    source, target = tmp_path / "in.tsv", tmp_path / "out.tsv"
    source.write_bytes("\ufeffComment\tnps\nGreat recruiter!\t10\n".encode())
    annotate_csv(source, "COMMENT", out=target)
    assert target.read_text(encoding="utf-8").splitlines() == [
        "Comment\tnps\tlanguage\tsentiment_label\tsentiment_score",
        f"Great recruiter!\t10\ten\tpositive\t{score_text('Great recruiter!').score}",
    ]


def test_annotate_csv_writes_formula_safe_cells(tmp_path) -> None:
    """A comment that starts like a formula reaches the spreadsheet as text (OWASP CSV injection)."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text('id,comment\n1,"=HYPERLINK(""http://x"",""Klicka"")"\n2,\x01@SUM(A1)\n3,Bra\n', encoding="utf-8")
    annotate_csv(source, "comment", out=target)
    cells = [line.split(",", 1)[1] for line in target.read_text(encoding="utf-8").splitlines()[1:]]
    assert cells[0].startswith('"\'=HYPERLINK(')
    assert cells[1].startswith("'@SUM(A1)")
    assert cells[2].startswith("Bra,")


def test_annotate_csv_names_missing_column(tmp_path) -> None:
    source = tmp_path / "svar.csv"
    source.write_text("id,text\n1,Bra\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        annotate_csv(source, "comment")
    message = str(error.value)
    assert str(source) in message and "'comment'" in message and "id, text" in message


def _store_comments() -> tuple[list[str], list[int]]:
    """In this store promoters praise warmly while detractors (rejected candidates) stay polite:
    the default scorer calls the lukewarm "Lite trevligt" positive, the store's NPS says not."""
    texts, nps = [], []
    for i in range(40):
        texts += [f"Fantastisk process {i}!", f"Supertrevligt bemötande {i}", f"Lite trevligt {i}"]
        nps += [10, 9, 3]
    return texts, nps


def test_calibration_reports_both_accuracies_on_held_back_comments() -> None:
    texts, nps = _store_comments()
    calibration = calibrate_on_store_comments(texts, nps, seed=1)
    assert calibration.held_out == 36 and calibration.trained_on == 84
    assert calibration.default_accuracy is not None and calibration.calibrated_accuracy is not None
    assert calibration.calibrated_accuracy > calibration.default_accuracy
    assert calibration.beats_default
    assert calibration.scorer_name == "lexicon-v2+store-calibrated"
    assert calibration.score_text("Lite trevligt").label == "negative"
    assert score_text("Lite trevligt").label == "positive"
    assert calibration.score_text("Fantastisk process!").label == "positive"


def test_calibration_round_trips_through_json() -> None:
    texts, nps = _store_comments()
    calibration = calibrate_on_store_comments(texts, nps, seed=1)
    restored = CalibratedScorer.from_json(calibration.to_json())
    assert restored == calibration
    assert json.loads(calibration.to_json())["version"] == 1
    assert restored.score_texts(["Lite trevligt", None]) == [calibration.score_text("Lite trevligt"), None]


def test_calibration_from_another_scorer_version_is_not_used() -> None:
    texts, nps = _store_comments()
    document = json.loads(calibrate_on_store_comments(texts, nps, seed=1).to_json())
    document["base_scorer"] = "lexicon-v0"
    stale = CalibratedScorer.from_json(json.dumps(document))
    assert not stale.beats_default
    assert stale.score_text("Lite trevligt") == score_text("Lite trevligt")


def test_calibration_needs_enough_labelled_comments_and_falls_back() -> None:
    calibration = calibrate_on_store_comments(["Bra", "Dåligt", "Okej"], [10, 2, 8])
    assert calibration.weights is None and not calibration.beats_default
    assert "2 comments with NPS 0-6 or 9-10" in calibration.reason
    assert calibration.scorer_name == SCORER_NAME
    assert calibration.score_texts(["Dåligt"]) == score_texts(["Dåligt"])


def test_calibration_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="2 comments but 1 NPS values"):
        calibrate_on_store_comments(["Bra", "Dåligt"], [10])
