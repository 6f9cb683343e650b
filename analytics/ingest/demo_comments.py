"""Hand-written survey comments for the demo data, Swedish and English.

Comments are drawn by kind so that they agree with the NPS given and with what happened to the
candidate (`feedback_call` only after a personal call, `after_interview` only after an interview),
and are sometimes combined two at a time. The `personal_details` ones carry a name, phone number or e-mail address the candidate
wrote themselves, so that masking can be shown; their placeholders are filled from the fictional
values below (PTS reserves 070-174 06 05–99 for fiction; example.* domains are reserved).
"""

from __future__ import annotations

COMMENTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("sv", "positive"): (
        "Snabb och tydlig återkoppling genom hela processen.",
        "Jag fick veta direkt att min ansökan hade kommit fram, det uppskattades.",
        "Trevligt bemötande från första kontakten till sista beskedet.",
        "Jag visste hela tiden var i processen jag befann mig.",
        "Bästa rekryteringsprocessen jag har varit med om.",
        "Ni höll alla tider ni lovade, tack för det!",
        "Kände mig sedd och respekterad.",
        "Personlig och varm kontakt, jag söker gärna igen.",
        "Mycket bra struktur och ett vänligt bemötande.",
        "Tydlig annons och snabba svar på mina frågor.",
    ),
    ("sv", "feedback_call"): (
        "Rekryteraren ringde och förklarade varför jag inte gick vidare. Mycket proffsigt!",
        "Även om jag inte fick jobbet fick jag konkreta tips inför nästa intervju.",
        "Uppskattade att få återkoppling per telefon i stället för ett standardmejl.",
        "Intervjun kändes som ett samtal mellan jämlikar, och samtalet efteråt var ärligt och vänligt.",
        "Tydlig information om nästa steg efter varje intervju.",
    ),
    ("sv", "neutral"): (
        "Processen var okej, inget särskilt att anmärka på.",
        "Helt rimlig process.",
        "Det fungerade som förväntat.",
        "Inga synpunkter.",
        "Informationen i annonsen stämde med det som sades på intervjun.",
        "Ansökan gick smidigt att skicka in via portalen.",
    ),
    ("sv", "mixed"): (
        "Trevligt bemötande men jag fick vänta länge på besked.",
        "Bra intervju, men återkopplingen efteråt var väldigt kortfattad.",
        "Snabb bekräftelse, men sedan hörde jag ingenting på flera veckor.",
        "Intressanta arbetsuppgifter, men det var oklart vem jag skulle kontakta med frågor.",
        "Trevliga intervjuare men processen drog ut på tiden.",
        "Jag fick svar till slut, men bara ett standardmejl efter två intervjuer.",
        "Bra kontakt med rekryteraren även om beskedet dröjde.",
        "Smidig ansökan, men ingen förklaring till varför jag inte gick vidare.",
    ),
    ("sv", "negative"): (
        "Det tog över en månad innan jag fick något besked alls.",
        "Ingen bekräftelse på att ansökan hade kommit fram.",
        "Processen var rörig och ingen verkade veta vem som ansvarade.",
        "Jag fick aldrig veta varför jag inte gick vidare.",
        "Väldigt långsam process, jag hade redan tackat ja till ett annat jobb.",
        "Standardsvar utan någon personlig återkoppling.",
        "Dålig kommunikation från början till slut.",
    ),
    ("sv", "after_interview"): (
        "Fick ett automatiskt nej efter två intervjuer. Mycket tråkigt.",
        "Intervjutiden flyttades två gånger utan förklaring.",
        "Jag lade ner mycket tid på caset och fick ingen kommentar alls.",
        "Efter intervjun fick jag bara ett kort mejl, ingen återkoppling på hur det gick.",
    ),
    ("sv", "disrespect"): (
        "Kände mig inte respekterad under intervjun.",
        "Intervjuaren var otrevlig och avbröt mig hela tiden.",
        "Nedlåtande ton, jag kände mig som ett nummer.",
        "Jag blev ifrågasatt på ett sätt som kändes kränkande.",
        "Intervjuaren satt med telefonen hela tiden. Respektlöst.",
        "Har aldrig blivit så illa bemött i en rekrytering.",
    ),
    ("sv", "unanswered"): (
        "Hörde aldrig av mig efter ansökan.",
        "Ni hörde aldrig av er, jag fick bara den här enkäten.",
        "Väntar fortfarande på besked, två månader senare.",
        "Ingen återkoppling alls. Jag fick läsa på LinkedIn att tjänsten var tillsatt.",
        "Fick varken ja eller nej.",
    ),
    ("sv", "personal_details"): (
        "Ring mig gärna på {phone} om en liknande tjänst dyker upp.",
        "Hej, det är {first_name} här. Nå mig hellre på {email} än på jobbmejlen.",
        "Hälsningar {first_name}",
        "Jag har bytt nummer, det nya är {phone}. /{first_name}",
    ),
    ("en", "positive"): (
        "Quick and clear communication throughout the process.",
        "I always knew what the next step was.",
        "Great experience from start to finish.",
        "Very professional and well organised.",
        "Got a confirmation within hours of applying.",
        "Best hiring process I've been through in years.",
        "Everyone kept to the timeline they promised.",
        "Felt genuinely respected as a candidate.",
    ),
    ("en", "feedback_call"): (
        "The recruiter called me personally to explain the decision. Really appreciated it.",
        "The feedback call gave me useful pointers for my next interview.",
        "Great experience even though I didn't get the job.",
        "Friendly and respectful interviewers, and an honest call afterwards.",
        "Warm welcome at the office and a relaxed interview.",
    ),
    ("en", "neutral"): (
        "It was fine, nothing special.",
        "Standard process.",
        "No complaints.",
        "The process worked as expected.",
        "The job ad matched what we discussed in the interview.",
    ),
    ("en", "mixed"): (
        "Nice people, but I waited weeks for an answer.",
        "Good interview, although the feedback afterwards was very brief.",
        "Fast confirmation, but then nothing for almost a month.",
        "Interesting role, but it was unclear who to contact with questions.",
        "The interviewers were friendly but the process dragged on.",
        "Got an answer in the end, just a template e-mail after two interviews.",
    ),
    ("en", "negative"): (
        "No confirmation that my application was received.",
        "It took more than a month to hear anything at all.",
        "Never told why I was not selected.",
        "Generic rejection with no personal feedback.",
        "Poor communication from start to finish.",
        "Slow and confusing process.",
    ),
    ("en", "after_interview"): (
        "Automated rejection after two interviews. Disappointing.",
        "Disorganised process, the interview was rescheduled twice.",
        "I spent hours on the assignment and received no comment on it.",
        "After the interview I only got a short template e-mail.",
    ),
    ("en", "disrespect"): (
        "Rude interviewer who kept checking his phone.",
        "I was treated with no respect at all.",
        "Condescending tone throughout the interview.",
        "The interviewer made inappropriate remarks about my age.",
        "Felt humiliated by the way the panel talked to me.",
    ),
    ("en", "unanswered"): (
        "Never heard back after applying.",
        "Still waiting for an answer two months later.",
        "No response at all, only this survey.",
        "I had to find out on LinkedIn that the position was filled.",
    ),
    ("en", "personal_details"): (
        "Please contact me at {email} if anything similar opens up.",
        "Best regards, {first_name}",
        "My new number is {phone} in case you need to reach me.",
    ),
}

FIRST_NAMES = ("Anna", "Erik", "Maria", "Mohammed", "Elin", "Oskar", "Fatima", "Lars", "Sara", "Jonas")

# Fictional numbers in the range PTS keeps for films and books, written the ways people write them.
PHONE_FORMATS = ("070-174 06 {n:02d}", "07017406{n:02d}", "+46 70 174 06 {n:02d}", "070 174 06 {n:02d}")
PHONE_SUFFIXES = range(5, 100)

EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
