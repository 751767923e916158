"""Dutch catalogue: English message id → Dutch text."""

CATALOGUE: dict[str, str] = {
    # roles
    "chair": "voorzitter",
    "vice chair": "vicevoorzitter",
    "secretary": "secretaris",
    "portfolio holder": "portefeuillehouder",
    "programme manager": "programmamanager",
    "adviser": "adviseur",
    "guest": "gast",
    "member": "lid",
    # circles, methods, rules
    "inner": "binnenkring",
    "outer": "buitenkring",
    "vote": "stemming",
    "consent": "consent",
    "acclamation": "acclamatie",
    "simple": "gewone meerderheid",
    "absolute": "volstrekte meerderheid",
    "qualified": "gekwalificeerde meerderheid",
    "unanimity": "unanimiteit",
    "weighted member": "gewogen per lid",
    "weighted perspective": "gewogen per perspectief",
    "perspective": "perspectief",
    "member share": "aandeel leden",
    "perspective share": "aandeel perspectieven",
    "member count": "aantal leden",
    "reject": "verworpen bij staken",
    "chair casting": "beslissende stem voorzitter",
    # statuses
    "planned": "gepland",
    "agenda draft": "concept-agenda",
    "agenda set": "agenda vastgesteld",
    "papers sent": "stukken verzonden",
    "in progress": "bezig",
    "closed": "gesloten",
    "minutes approved": "verslag vastgesteld",
    "open": "open",
    "done": "afgerond",
    "cancelled": "vervallen",
    "in force": "van kracht",
    "superseded": "vervangen",
    "revoked": "ingetrokken",
    "submitted": "ingediend",
    "scheduled": "geagendeerd",
    "declined": "afgewezen",
    "withdrawn": "ingetrokken",
    "regular": "regulier",
    "extra": "extra",
    "evaluation": "evaluatie",
    # screens and labels
    "Dashboard": "Overzicht",
    "Members": "Leden",
    "Perspectives": "Perspectieven",
    "Themes": "Thema's",
    "Rules and principles": "Spelregels en principes",
    "Behaviour rules": "Spelregels",
    "Leading principles": "Leidende principes",
    "Board": "Tafel",
    "Region": "Regio",
    "Next meeting": "Volgende vergadering",
    "No meeting planned": "Geen vergadering gepland",
    "Open actions": "Open actiepunten",
    "Overdue actions": "Verlopen actiepunten",
    "Pending agenda requests": "Openstaande agendaverzoeken",
    "Decisions in force": "Besluiten van kracht",
    "Meetings held": "Gehouden vergaderingen",
    "You are": "U bent",
    "read-only": "alleen lezen",
    "Read-only: start with --as NAME to make changes.": (
        "Alleen lezen: start met --as NAAM om te wijzigen."
    ),
    "Name": "Naam",
    "Organisation": "Organisatie",
    "Roles": "Rollen",
    "Circle": "Kring",
    "Mandate": "Mandaat",
    "Weight": "Gewicht",
    "Vote weight": "Stemgewicht",
    "Seats": "Zetels",
    "Active from": "Actief vanaf",
    "Active until": "Actief tot",
    "Active": "Actief",
    "E-mail": "E-mail",
    "Portfolio holders": "Portefeuillehouders",
    "Portfolio holder": "Portefeuillehouder",
    "Programme manager": "Programmamanager",
    "Slots per year": "Plekken per jaar",
    "Preferred months": "Voorkeursmaanden",
    "Colour": "Kleur",
    "Text": "Tekst",
    "Order": "Volgorde",
    "Members of the perspective": "Leden van het perspectief",
    "yes": "ja",
    "no": "nee",
    "Save": "Opslaan",
    "Cancel": "Annuleren",
    "Add": "Toevoegen",
    "Edit": "Bewerken",
    "Deactivate": "Deactiveren",
    "Reactivate": "Heractiveren",
    "Delete": "Verwijderen",
    "Quit": "Afsluiten",
    "Back": "Terug",
    "Move up": "Omhoog",
    "Move down": "Omlaag",
    "Show inactive": "Toon inactieven",
    "Switch list": "Wissel lijst",
    "Saved.": "Opgeslagen.",
    "Deactivated": "Gedeactiveerd",
    "Reactivated": "Geheractiveerd",
    "Deleted": "Verwijderd",
    "Add member": "Lid toevoegen",
    "Edit member": "Lid bewerken",
    "Add perspective": "Perspectief toevoegen",
    "Edit perspective": "Perspectief bewerken",
    "Add theme": "Thema toevoegen",
    "Edit theme": "Thema bewerken",
    "Add rule": "Spelregel toevoegen",
    "Edit rule": "Spelregel bewerken",
    "Add principle": "Principe toevoegen",
    "Edit principle": "Principe bewerken",
    "Open the dashboard": "Open het overzicht",
    "Open the members list": "Open de ledenlijst",
    "Open the perspectives list": "Open de perspectieven",
    "Open the themes list": "Open de thema's",
    "Open the behaviour rules and leading principles": "Open de spelregels en leidende principes",
    "Go to": "Ga naar",
    "comma-separated": "gescheiden door komma's",
    "YYYY-MM-DD or empty": "JJJJ-MM-DD of leeg",
    "empty: the perspective's weight": "leeg: het gewicht van het perspectief",
    "none": "geen",
    "active": "actief",
    "inactive": "inactief",
    "since": "sinds",
    "until": "tot",
    "overdue": "verlopen",
    "Upcoming meetings": "Komende vergaderingen",
    "Composition": "Samenstelling",
    "voting members": "stemgerechtigde leden",
    "Quorum rule": "Quorumregel",
    "Decision method": "Besluitvorming",
    "more than {share:.0%} of the voting members": "meer dan {share:.0%} van de stemgerechtigde leden",
    "more than {share:.0%} of the perspectives": "meer dan {share:.0%} van de perspectieven",
    "at least {count} members": "ten minste {count} leden",
    "{user} may not {doing}": "{user} mag niet: {doing}",
    "edit the board's composition": "de samenstelling van de tafel wijzigen",
    "Press ctrl+p for all commands.": "Druk ctrl+p voor alle opdrachten.",
    "minutes": "minuten",
    "Perspective": "Perspectief",
    "Requests": "Verzoeken",
    "Who": "Wie",
    "key": "toets",
    (
        "Board {name!r} ({region}) in {path}: {perspectives} perspectives, {members} members"
        " ({active} active), {themes} themes, {rules} behaviour rules, {principles} leading"
        " principles; {meetings} meetings ({held} held), {decisions} decisions, {actions} actions"
        " ({open} open, {overdue} overdue), {requests} agenda requests ({pending} pending)."
    ): (
        "Tafel {name!r} ({region}) in {path}: {perspectives} perspectieven, {members} leden"
        " ({active} actief), {themes} thema's, {rules} spelregels, {principles} leidende"
        " principes; {meetings} vergaderingen ({held} gehouden), {decisions} besluiten,"
        " {actions} actiepunten ({open} open, {overdue} verlopen), {requests} agendaverzoeken"
        " ({pending} openstaand)."
    ),
    "in {days} days": "over {days} dagen",
    "today": "vandaag",
    "There is no board in {path} yet.": "Er is nog geen tafel in {path}.",
    "Press ctrl+d to open the demo board (a fictional region with a year of history), or type the path of a board file (see agendas/board.example.toml) and press enter to create your board.": "Druk ctrl+d om de demotafel te openen (een fictieve regio met een jaar geschiedenis), of typ het pad van een tafelbestand (zie agendas/board.example.toml) en druk enter om uw tafel aan te maken.",
    "Open the demo board": "Open de demotafel",
    "a whole number": "een geheel getal",
    "a number": "een getal",
    "a number or empty": "een getal of leeg",
    "a date YYYY-MM-DD or empty": "een datum JJJJ-MM-DD of leeg",
    "month numbers, e.g. 3, 9": "maandnummers, bijv. 3, 9",
    "{label}: expected {expected}, got {text!r}": "{label}: verwacht {expected}, niet {text!r}",
    "{name!r} exists already": "{name!r} bestaat al",
    "{count} member(s) belong to this perspective; move them first": "{count} lid/leden horen bij dit perspectief; verplaats ze eerst",
    "active until is before active from": "actief tot ligt vóór actief vanaf",
    "unknown perspective": "onbekend perspectief",
    "no member named {name!r}": "geen lid met de naam {name!r}",
    "more than one member matches {name!r}: {names}": "meer dan één lid past bij {name!r}: {names}",
    "this database holds no board yet": "deze database bevat nog geen tafel",
}

CATALOGUE.update(
    {
        # enum labels shown in the meeting
        "informing": "informerend",
        "opinion": "oordeelsvormend",
        "deciding": "besluitvormend",
        "present": "aanwezig",
        "remote": "op afstand",
        "absent with notice": "afgemeld",
        "absent": "afwezig",
        "substitute": "vervanger",
        "for": "voor",
        "against": "tegen",
        "abstain": "onthouding",
        "pass": "pas",
        "concern": "zorg",
        "objection": "bezwaar",
        "adopted": "aangenomen",
        "rejected": "verworpen",
        "deferred": "uitgesteld",
        "kept": "nageleefd",
        "under pressure": "onder druk",
        "broken": "geschonden",
        "held": "gehouden",
        "members": "leden",
        "perspectives": "perspectieven",
        "opening": "opening",
        "theme": "thema",
        # the console and its screens
        "Meeting": "Vergadering",
        "Meetings": "Vergaderingen",
        "Open the console": "Open de vergadering",
        "Open the meetings and their consoles": "Open de vergaderingen",
        "Open meeting": "Vergadering openen",
        "Attendance": "Presentie",
        "Next item": "Volgend punt",
        "Previous item": "Vorig punt",
        "Notes": "Notities",
        "Vote": "Stemming",
        "Consent round": "Consentronde",
        "Decision": "Besluit",
        "Decisions": "Besluiten",
        "Action": "Actiepunt",
        "Actions": "Actiepunten",
        "Interest round": "Belangenronde",
        "Behaviour check": "Spelregelcheck",
        "Defer item": "Punt uitstellen",
        "Close meeting": "Vergadering sluiten",
        "Quorum": "Quorum",
        "missing": "ontbreekt",
        "min": "min",
        "planned": "gepland",
        "planned end": "geplande eindtijd",
        "Press s to open the meeting.": "Druk s om de vergadering te openen.",
        "No current item.": "Geen actueel agendapunt.",
        "There is no current item.": "Er is geen actueel agendapunt.",
        "The meeting is open.": "De vergadering is geopend.",
        "{m:02}:{s:02} left": "nog {m:02}:{s:02}",
        "+{m:02}:{s:02} over": "+{m:02}:{s:02} over tijd",
        "Present": "Aanwezig",
        "Remote": "Op afstand",
        "Absent with notice": "Afgemeld",
        "Absent": "Afwezig",
        "Substitute": "Vervanger",
        "Name of the substitute": "Naam van de vervanger",
        "Status": "Status",
        "Proposal": "Voorstel",
        "Majority rule": "Meerderheidsregel",
        "Secret ballot (counts only)": "Geheime stemming (alleen aantallen)",
        "Secret ballot: the counts": "Geheime stemming: de aantallen",
        "For": "Voor",
        "Against": "Tegen",
        "Abstain": "Onthouding",
        "Count the votes": "Stemmen tellen",
        "Voter": "Stemgerechtigde",
        "Ballot": "Stem",
        "not yet": "nog niet",
        "version": "versie",
        "round": "ronde",
        "Everyone has voted: ctrl+s counts.": "Iedereen heeft gestemd: ctrl+s telt.",
        "Consent": "Consent",
        "Concern": "Zorg",
        "Objection": "Bezwaar",
        "Pass": "Pas",
        "Conclude": "Afronden",
        "Review date": "Evaluatiedatum",
        "Amend": "Wijzigen",
        "Withdraw": "Intrekken",
        "Defer": "Uitstellen",
        "Answer": "Antwoord",
        "Concern or reason": "Zorg of reden",
        "Reason": "Reden",
        "Now": "Nu",
        "ADOPTED": "AANGENOMEN",
        "OBJECTIONS": "BEZWAREN",
        "Everyone has answered: ctrl+s concludes the round.": (
            "Iedereen heeft geantwoord: ctrl+s rondt de ronde af."
        ),
        "m: amend the proposal (a new round) · w: withdraw · u: defer": (
            "m: voorstel wijzigen (nieuwe ronde) · w: intrekken · u: uitstellen"
        ),
        "Amend after a round with objections.": "Wijzig na een ronde met bezwaren.",
        "Amend the proposal": "Voorstel wijzigen",
        "Decision by acclamation": "Besluit bij acclamatie",
        "New action": "Nieuw actiepunt",
        "Owner": "Eigenaar",
        "Due": "Deadline",
        "a few letters of the name": "een paar letters van de naam",
        "+2w, +10d, +1m (from the meeting's date) or a date:": "+2w, +10d, +1m (vanaf de vergaderdatum) of een datum:",
        "Recorded": "Vastgelegd",
        "What helps": "Wat helpt",
        "What pinches": "Wat knelt",
        "What they ask of the table": "Wat zij de tafel vragen",
        "No interest round is planned for this meeting.": (
            "Voor deze vergadering is geen belangenronde gepland."
        ),
        "Deferred to the next meeting.": "Uitgesteld naar de volgende vergadering.",
        "Deferred; there is no next meeting yet.": "Uitgesteld; er is nog geen volgende vergadering.",
        "Behaviour rule": "Spelregel",
        "Score": "Score",
        "Note": "Notitie",
        "Kept": "Nageleefd",
        "Under pressure": "Onder druk",
        "Broken": "Geschonden",
        "Score each behaviour rule; then X closes the meeting.": (
            "Scoor elke spelregel; daarna sluit X de vergadering."
        ),
        "Score the rule first (k, u or b).": "Scoor de spelregel eerst (k, u of b).",
        "Deferred items": "Uitgestelde punten",
        "substitute for": "vervanger voor",
        "{substitute} for {member}": "{substitute} namens {member}",
        "{present} of {total} {unit} present, {needed} needed": (
            "{present} van {total} {unit} aanwezig, {needed} nodig"
        ),
        # service messages
        "by acclamation": "bij acclamatie",
        "consent in round {n}": "consent in ronde {n}",
        "concerns": "zorgen",
        "roll-call vote": "hoofdelijke stemming",
        "secret ballot": "geheime stemming",
        (
            "{method}, {rule}, {voters}; quorum {quorum}; {f:g} for, {a:g} against,"
            " {e:g} abstained of {entitled:g} entitled; {outcome}"
        ): (
            "{method}, {rule}, {voters}; quorum {quorum}; {f:g} voor, {a:g} tegen,"
            " {e:g} onthouding van {entitled:g} stemgerechtigd; {outcome}"
        ),
        "open the meeting": "de vergadering openen",
        "close the meeting": "de vergadering sluiten",
        "record attendance": "de presentie vastleggen",
        "run the agenda": "de agenda doorlopen",
        "take notes": "notities maken",
        "defer an item": "een punt uitstellen",
        "put a proposal": "een voorstel indienen",
        "start a vote or consent round": "een stemming of consentronde starten",
        "record a ballot": "een stem vastleggen",
        "close a vote": "een stemming afronden",
        "record a consent answer": "een consentantwoord vastleggen",
        "close a consent round": "een consentronde afronden",
        "amend the proposal": "het voorstel wijzigen",
        "withdraw or defer the proposal": "het voorstel intrekken of uitstellen",
        "record a decision": "een besluit vastleggen",
        "add an action": "een actiepunt toevoegen",
        "record the interest round": "de belangenronde vastleggen",
        "score the behaviour rules": "de spelregels scoren",
        "read the meeting": "de vergadering inzien",
        "read the meetings": "de vergaderingen inzien",
        "the meeting is not in progress (status: {status})": (
            "de vergadering is niet bezig (status: {status})"
        ),
        "this meeting cannot be opened (status: {status})": (
            "deze vergadering kan niet worden geopend (status: {status})"
        ),
        "another meeting is in progress; close it first": (
            "er is al een vergadering bezig; sluit die eerst"
        ),
        "the meeting is closed": "de vergadering is gesloten",
        "a substitute's name is required": "de naam van de vervanger is verplicht",
        "{name} is not a member on this date": "{name} is op deze datum geen lid",
        "{name} is no longer a member": "{name} is geen lid meer",
        "no quorum: {why}; the item can be deferred": (
            "geen quorum: {why}; het punt kan worden uitgesteld"
        ),
        "this item is not on this meeting's agenda": "dit punt staat niet op deze agenda",
        "the minutes of this meeting are approved; record an amendment": (
            "het verslag van deze vergadering is vastgesteld; leg een wijziging vast"
        ),
        "finish or withdraw the open round on this item first": (
            "rond eerst de open ronde op dit punt af of trek die in"
        ),
        "a vote or consent round is still open; finish or withdraw it first": (
            "er staat nog een stemming of consentronde open; rond die eerst af"
        ),
        "the proposal needs a text": "het voorstel heeft een tekst nodig",
        "record a decision by acclamation directly": "leg een besluit bij acclamatie direct vast",
        "this item has an open proposal already": "dit punt heeft al een open voorstel",
        "the proposal is {status}": "het voorstel is {status}",
        "a round on this proposal is open already": "er staat al een ronde open op dit voorstel",
        "this proposal was voted on; put a new proposal": (
            "over dit voorstel is gestemd; dien een nieuw voorstel in"
        ),
        "the order must name every present voter once": (
            "de volgorde moet elke aanwezige stemgerechtigde één keer noemen"
        ),
        "this round is closed": "deze ronde is afgerond",
        "this is not a {kind} round": "dit is geen ronde van het type {kind}",
        "this is a secret ballot: record the counts only": (
            "dit is een geheime stemming: leg alleen de aantallen vast"
        ),
        "{name} is not entitled to vote on this proposal": (
            "{name} is niet stemgerechtigd over dit voorstel"
        ),
        "{name} has voted already": "{name} heeft al gestemd",
        "this is a roll-call vote: record each voter's ballot": (
            "dit is een hoofdelijke stemming: leg elke stem vast"
        ),
        "counts cannot be negative": "aantallen kunnen niet negatief zijn",
        "{cast:g} votes counted but only {present:g} can be cast": (
            "{cast:g} stemmen geteld, maar er kunnen er maar {present:g} worden uitgebracht"
        ),
        "{name} is not in this round": "{name} doet niet mee in deze ronde",
        "{name} has answered already": "{name} heeft al geantwoord",
        "{name} passed once already; an answer is needed now": (
            "{name} heeft al eens gepast; nu is een antwoord nodig"
        ),
        "not everyone has answered yet": "nog niet iedereen heeft geantwoord",
        "close the open round before amending": "rond de open ronde af voordat u wijzigt",
        "the amended text is the same as the current version": (
            "de gewijzigde tekst is gelijk aan de huidige versie"
        ),
        "a proposal is ended by withdrawing or deferring it": (
            "een voorstel wordt beëindigd door het in te trekken of uit te stellen"
        ),
        "the decision needs a title": "het besluit heeft een titel nodig",
        "the action needs a text": "het actiepunt heeft een tekst nodig",
        "no such decision": "dat besluit bestaat niet",
        "reorder the round": "de volgorde van de ronde wijzigen",
        "Minutes": "Verslag",
        "Year in view": "Jaar in beeld",
        "no theme named {name!r}": "geen thema met de naam {name!r}",
        "Supersede": "Vervangen",
        "Revoke": "Intrekken",
        "Supersedes": "Vervangt",
        "Revokes": "Trekt in",
        "A decision is taken in a meeting: open the meeting first.": (
            "Een besluit wordt in een vergadering genomen: open eerst de vergadering."
        ),
        "amend the minutes": "het verslag wijzigen",
        "only approved minutes are amended; before approval, edit the record": (
            "alleen een vastgesteld verslag krijgt een wijziging; pas vóór vaststelling het"
            " verslag zelf aan"
        ),
        "the amendment needs a text": "de wijziging heeft een tekst nodig",
        "Amendments after approval": "Wijzigingen na vaststelling",
        "By": "Door",
        "Amendment": "Wijziging",
        "Amend the minutes": "Verslag wijzigen",
        "Year report {year}": "Jaarverslag {year}",
        "{n} meetings held": "{n} vergaderingen gehouden",
        "{n} decisions": "{n} besluiten",
        "{agreed} actions agreed, {done} done, {on_time} of those on time": (
            "{agreed} actiepunten afgesproken, {done} afgerond, daarvan {on_time} op tijd"
        ),
        "Decisions by method": "Besluiten per werkwijze",
        "Decisions by theme": "Besluiten per thema",
        "Substituted": "Vervangen",
        "Held": "Gehouden",
        "Target": "Doel",
        "Interest rounds": "Belangenrondes",
        "Interest rounds at risk": "Belangenrondes in gevaar",
        "read the board": "de tafel inzien",
        "Open the year in view": "Open het jaar in beeld",
        "Press ctrl+p for all commands; f9 shows the year in view.": (
            "Druk ctrl+p voor alle opdrachten; f9 toont het jaar in beeld."
        ),
        "Overdue actions by owner": "Verlopen actiepunten per eigenaar",
        "at risk": "in gevaar",
        "Interest rounds {year}": "Belangenrondes {year}",
        "Behaviour trend (last meetings)": "Spelregels (laatste vergaderingen)",
        "substituted": "vervangen",
        "Attendance {year}": "Presentie {year}",
        "Approve the minutes": "Verslag vaststellen",
        "Export the minutes": "Verslag exporteren",
        "The minutes are approved; this meeting's record is now read-only.": (
            "Het verslag is vastgesteld; deze vergadering is nu alleen-lezen."
        ),
        "the file must end in .md, .html or .docx": "het bestand moet eindigen op .md, .html of .docx",
        "no such folder: {folder}": "deze map bestaat niet: {folder}",
        "Written": "Geschreven",
        "File (.md, .html or .docx)": "Bestand (.md, .html of .docx)",
        "Decisions due for review": "Te evalueren besluiten",
        "{shown} of {count}": "{shown} van {count}",
        "Search…  (/ to search, esc back to the list)": "Zoeken…  (/ om te zoeken, esc terug naar de lijst)",
        "Search": "Zoeken",
        "List": "Lijst",
        "Year": "Jaar",
        "Due for review": "Te evalueren",
        "due for review": "te evalueren",
        "enter: the decision in full": "enter: het volledige besluit",
        "My actions": "Mijn actiepunten",
        "Overdue": "Verlopen",
        "Done": "Afgerond",
        "Cancel action": "Actiepunt laten vervallen",
        "Update": "Voortgang",
        "mine": "van mij",
        "all": "alle",
        "Open the decision list": "Open de besluitenlijst",
        "Open the action list": "Open de actielijst",
        "Chair": "Voorzitter",
        "Secretary": "Secretaris",
        "approved": "vastgesteld",
        "draft": "concept",
        "Substitutes": "Vervangers",
        "Agenda": "Agenda",
        "Outcome": "Uitkomst",
        "Round": "Ronde",
        "Member": "Lid",
        "Number": "Nummer",
        "Method": "Werkwijze",
        "Theme": "Thema",
        "Date": "Datum",
        "Done on": "Afgerond op",
        "Decision list": "Besluitenlijst",
        "Action list": "Actielijst",
        "Other actions": "Overige actiepunten",
        "deferred to the next meeting": "uitgesteld naar de volgende vergadering",
        "This decision supersedes {number}.": "Dit besluit vervangt {number}.",
        "Secret ballot: the counts only.": "Geheime stemming: alleen de aantallen.",
        "Appendix: decisions of this meeting": "Bijlage: besluiten van deze vergadering",
        "Appendix: open actions": "Bijlage: openstaande actiepunten",
        "a cancelled action needs a reason": "een vervallen actiepunt heeft een reden nodig",
        "action {number} is {status} already (by {name} at {time})": (
            "actiepunt {number} is al {status} (door {name} om {time})"
        ),
        "approve the minutes": "het verslag vaststellen",
        "change someone else's action": "het actiepunt van een ander wijzigen",
        "done on {day} is in the future": "afgerond op {day} ligt in de toekomst",
        "no meeting on {day}": "geen vergadering op {day}",
        "not a meeting date or number: {text!r} (use 2026-12-10 or 2026/10)": (
            "geen vergaderdatum of -nummer: {text!r} (gebruik 2026-12-10 of 2026/10)"
        ),
        "only a closed meeting's minutes can be approved (status: {status})": (
            "alleen het verslag van een gesloten vergadering kan worden vastgesteld"
            " (status: {status})"
        ),
        "read the actions": "de actiepunten inzien",
        "read the decisions": "de besluiten inzien",
        "the update needs a text": "de voortgangsnotitie heeft een tekst nodig",
        "{number} is no longer in force": "{number} is niet meer van kracht",
        "{year} has no meeting number {nr}": "{year} heeft geen vergadering nummer {nr}",
        "Ask later": "Later vragen",
        "Other voter": "Andere stemmer",
        "name the perspective's voter": "de stemmer van het perspectief aanwijzen",
        "no other member of this perspective is present": (
            "er is geen ander lid van dit perspectief aanwezig"
        ),
    }
)

# -- issue 3: the annual calendar, agenda requests, building the agenda ----------------------
CATALOGUE.update(
    {
        "Add an item": "Agendapunt toevoegen",
        "Agenda requests": "Agendaverzoeken",
        "Agenda {board}": "Agenda {board}",
        "Annual calendar": "Jaarkalender",
        "Annual calendar {year}": "Jaarkalender {year}",
        "Apply": "Doorvoeren",
        "Attach a paper": "Stuk toevoegen",
        "Build the agenda": "Agenda opstellen",
        "Decisions due for review:": "Besluiten toe aan evaluatie:",
        "Decline the request": "Verzoek afwijzen",
        "Edit the item": "Agendapunt wijzigen",
        "Evaluation of the collaboration": "Evaluatie van de samenwerking",
        "Evaluations": "Evaluaties",
        "Export the agenda": "Agenda exporteren",
        "File": "Bestand",
        "From": "Van",
        "Items / requests": "Agendapunten / verzoeken",
        "Kind": "Soort",
        "LATE: {sent}; deadline {deadline}": "TE LAAT: {sent}; uiterlijk {deadline}",
        "Mark papers sent": "Stukken verzonden",
        "Meeting wanted": "Gewenste vergadering",
        "Meeting:": "Vergadering:",
        "Min": "Min",
        "Mine / all requests": "Mijn / alle verzoeken",
        "Minutes needed": "Benodigde minuten",
        "Move a theme": "Thema verplaatsen",
        "Move a theme from {day}": "Thema verplaatsen van {day}",
        "Next year": "Volgend jaar",
        "No pending requests.": "Geen openstaande verzoeken.",
        "Note:": "Let op:",
        "On the agenda of {day}.": "Op de agenda van {day}.",
        "Open actions ({n}):": "Open actiepunten ({n}):",
        "Open the agenda": "Agenda openen",
        "Or a month (YYYY-MM)": "Of een maand (JJJJ-MM)",
        "Papers ready": "Stukken gereed",
        "Papers ready on": "Stukken gereed op",
        "Papers:": "Stukken:",
        "Pending requests": "Openstaande verzoeken",
        "Plan file (TOML)": "Jaarplanbestand (TOML)",
        "Plan the year from a file": "Jaar plannen uit een bestand",
        "Plan {year} from a file": "{year} plannen uit een bestand",
        "Plan {year}: what would change": "{year} plannen: wat er verandert",
        "Presenter": "Inleider",
        "Previous year": "Vorig jaar",
        "Purpose": "Doel",
        "Reason (the requester sees it)": "Reden (de aanvrager ziet die)",
        "Remove the item": "Agendapunt verwijderen",
        "Removed.": "Verwijderd.",
        "Request agenda space": "Agendaruimte aanvragen",
        "Schedule the request here": "Verzoek hier inplannen",
        "Scheduled into this meeting.": "Ingepland in deze vergadering.",
        "Set the agenda": "Agenda vaststellen",
        "The agenda is set.": "De agenda is vastgesteld.",
        "The plan changes nothing.": "Het jaarplan verandert niets.",
        "Theme slots": "Themaplekken",
        "This meeting has no theme to move.": "Deze vergadering heeft geen thema om te verplaatsen.",
        "Title": "Titel",
        "Title (default: the file's name)": "Titel (standaard: de bestandsnaam)",
        "To the meeting of": "Naar de vergadering van",
        "Wanted": "Gewenst",
        "When:": "Wanneer:",
        "Where:": "Waar:",
        "Withdraw the request": "Verzoek intrekken",
        "Withdrawn.": "Ingetrokken.",
        "all requests": "alle verzoeken",
        "attach papers": "stukken toevoegen",
        "build the agenda": "de agenda opstellen",
        "choose a theme and a meeting": "kies een thema en een vergadering",
        "could not place {what}: {reason}": "niet in te plannen: {what}: {reason}",
        "decline agenda requests": "agendaverzoeken afwijzen",
        "draft agenda: {n} items, {free} minutes free; themes: {themes}": (
            "concept-agenda: {n} punten, {free} minuten vrij; thema's: {themes}"
        ),
        "due": "uiterlijk",
        "free": "vrij",
        "kept as it is ({status})": "blijft zoals hij is ({status})",
        "late": "te laat",
        "length {old} → {new} minutes": "duur {old} → {new} minuten",
        "meeting {nr} of {year}; papers due {deadline}": (
            "vergadering {nr} van {year}; stukken uiterlijk {deadline}"
        ),
        "my requests": "mijn verzoeken",
        "n: request agenda space": "n: agendaruimte aanvragen",
        "needs {minutes} minutes; the meeting of {day} has {free} free": (
            "vraagt {minutes} minuten; de vergadering van {day} heeft er {free} vrij"
        ),
        "no change": "geen wijziging",
        "no such file: {path}": "bestand bestaat niet: {path}",
        "not a year: {year}": "geen jaartal: {year}",
        "not in the plan: removed": "niet in het jaarplan: vervalt",
        "not sent yet": "nog niet verzonden",
        "only a set agenda can go back to draft": (
            "alleen een vastgestelde agenda kan terug naar concept"
        ),
        "papers due": "stukken uiterlijk",
        "papers late": "stukken te laat",
        "place {old!r} → {new!r}": "plaats {old!r} → {new!r}",
        "plan the year": "het jaar plannen",
        "planned from {file}": "gepland uit {file}",
        "planned/target": "gepland/doel",
        "read the agenda": "de agenda lezen",
        "read the agenda requests": "de agendaverzoeken lezen",
        "read the calendar": "de jaarkalender lezen",
        "read-only: start with --as NAME to make changes": (
            "alleen lezen: start met --as NAAM om iets te wijzigen"
        ),
        "request agenda space": "agendaruimte aanvragen",
        "say why the request is declined": "geef aan waarom het verzoek is afgewezen",
        "schedule agenda requests": "agendaverzoeken inplannen",
        "send the papers": "de stukken verzenden",
        "sent {day}": "verzonden {day}",
        "set the agenda": "de agenda vaststellen",
        "the agenda cannot be set now (status: {status})": (
            "de agenda kan nu niet worden vastgesteld (status: {status})"
        ),
        "the agenda has no items": "de agenda heeft geen punten",
        "the agenda of {day} is {status}: move items before it is set": (
            "de agenda van {day} is {status}: verplaats punten voordat hij is vastgesteld"
        ),
        "the file stays where it is": "het bestand blijft waar het staat",
        "the meeting of {day} has begun or was held: its agenda is part of the record": (
            "de vergadering van {day} is begonnen of gehouden: de agenda hoort bij het verslag"
        ),
        "the meeting of {day} has this theme already": (
            "de vergadering van {day} heeft dit thema al"
        ),
        "this item has proposals; it stays on the record": (
            "bij dit punt horen voorstellen; het blijft in het verslag"
        ),
        "this request is {status} already": "dit verzoek is al {status}",
        "time {old} → {new}": "tijd {old} → {new}",
        "too long": "te lang",
        "too many": "te veel",
        "withdraw someone else's request": "het verzoek van een ander intrekken",
        "{free} minutes free": "{free} minuten vrij",
        "{n} paper(s) later than the lead time.": "{n} stuk(ken) later dan de termijn.",
        "{n} paper(s) marked sent.": "{n} stuk(ken) als verzonden gemarkeerd.",
        "{ready} is after the meeting of {day}": "{ready} is na de vergadering van {day}",
        "{ready} is after the month asked for ({month})": (
            "{ready} is na de gevraagde maand ({month})"
        ),
        "{year} is planned.": "{year} is gepland.",
        "{year}: {add} new, {change} changed, {remove} removed, {keep} kept as they are;"
        " {unplaced} could not be placed": (
            "{year}: {add} nieuw, {change} gewijzigd, {remove} vervallen, {keep} ongewijzigd"
            " gelaten; {unplaced} niet in te plannen"
        ),
        # column headings
        "Month": "Maand",
        "Free": "Vrij",
        "Eval.": "Eval.",
        "Item": "Agendapunt",
        "Time": "Tijd",
        "Papers": "Stukken",
        "Scheduled for": "Ingepland op",
        "#": "#",
        "Remove a paper": "Stuk verwijderen",
        "Paper": "Stuk",
        "This item has no papers.": "Dit agendapunt heeft geen stukken.",
        # agenda item kinds (label(kind))
        "actions review": "actielijst",
        "interest round": "belangenronde",
        "behaviour check": "spelregelcheck",
        "any other business": "rondvraag",
        "closing": "sluiting",
        "other": "overig",
    }
)

# Access over SSH and many writers (issue 9)
CATALOGUE.update(
    {
        "Access over SSH": "Toegang via SSH",
        "Access over SSH: a member's key opens the board as that member (ssh -t)": (
            "Toegang via SSH: de sleutel van een lid opent de tafel als dat lid (ssh -t)"
        ),
        "Add a key": "Sleutel toevoegen",
        "Access": "Toegang",
        "Added": "Toegevoegd",
        "Fingerprint": "Vingerafdruk",
        "Location": "Locatie",
        "Summary": "Samenvatting",
        "Type": "Soort",
        "No keys yet: a to add a member's public key (the .pub file's line).": (
            "Nog geen sleutels: a voegt de publieke sleutel van een lid toe (de regel uit het"
            " .pub-bestand)."
        ),
        "Public key": "Publieke sleutel",
        "Remove": "Verwijderen",
        "Remove the key": "Sleutel verwijderen",
        "Remove this key?": "Deze sleutel verwijderen?",
        "Removed: the next login with this key is refused.": (
            "Verwijderd: de volgende keer inloggen met deze sleutel wordt geweigerd."
        ),
        "a plan on standard input uses the standard agenda: template = {name!r}": (
            "een plan via standaardinvoer gebruikt de standaardagenda: template = {name!r}"
        ),
        "cannot read ({reason})": "kan niet lezen ({reason})",
        "changed by {name} at {time} since you opened it; nothing saved": (
            "gewijzigd door {name} om {time} nadat u het opende; niets opgeslagen"
        ),
        "choose the member": "kies het lid",
        "give or take access to the board": "toegang tot de tafel geven of intrekken",
        "no key with fingerprint {fingerprint}": "geen sleutel met vingerafdruk {fingerprint}",
        "no: member not active": "nee: lid niet actief",
        "paste the line of the member's .pub file, or type its path": (
            "plak de regel uit het .pub-bestand van het lid, of typ het pad ervan"
        ),
        "this key ({fingerprint}) is bound to {name} already": (
            "deze sleutel ({fingerprint}) hoort al bij {name}"
        ),
        "this key has no access to the board; ask the secretary": (
            "deze sleutel geeft geen toegang tot de tafel; vraag het de secretaris"
        ),
        "too large for a public key": "te groot voor een publieke sleutel",
        "{name} has no keys": "{name} heeft geen sleutels",
        "{name} is no longer an active member; access ended": (
            "{name} is geen actief lid meer; de toegang is beëindigd"
        ),
    }
)

# Replication (issue 10)
CATALOGUE.update(
    {
        "The board is not replicated": "De tafel wordt niet gerepliceerd",
        "The replica is failing; the meeting goes on, saved on this machine": (
            "De replica faalt; de vergadering gaat door, opgeslagen op deze machine"
        ),
        "replica failing": "replica faalt",
        "replica: starting": "replica: start",
        "replicated by another boardroom on this machine": (
            "gerepliceerd door een andere boardroom op deze machine"
        ),
        "replicated {seconds} s ago": "{seconds} s geleden gerepliceerd",
    }
)

# Screens a chair trusts (issue 11)
CATALOGUE.update(
    {
        "Defer {perspective}'s interest round to the next meeting? y defers it (the year's"
        " count follows); n records it here all the same.": (
            "De belangenronde van {perspective} naar de volgende vergadering verplaatsen? y"
            " verplaatst hem (de telling van het jaar gaat mee); n legt hem hier toch vast."
        ),
        "Nobody of {perspective} is present": "Niemand van {perspective} is aanwezig",
        "Record it here": "Hier vastleggen",
        "defer the interest round": "de belangenronde verplaatsen",
        "there is no next meeting yet; plan it first": (
            "er is nog geen volgende vergadering; plan die eerst"
        ),
        "this interest round was held already": "deze belangenronde is al gehouden",
        "{perspective} has an interest round at the next meeting already": (
            "{perspective} heeft al een belangenronde in de volgende vergadering"
        ),
        "{perspective}'s interest round moved to {date}.": (
            "De belangenronde van {perspective} is verplaatst naar {date}."
        ),
    }
)
