<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Gemeenten</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Afnemers</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Apparaten</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Labelprinter</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>Everything saved so far is safe. If this happens again, tell the coordinator. ({error})</source>
        <translation>Alles wat al is opgeslagen, blijft bewaard. Gebeurt dit vaker, meld het dan aan de coördinator. ({error})</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <source>Backup saved at {time}.</source>
        <translation>Back-up opgeslagen om {time}.</translation>
    </message>
</context>
<context>
    <name>BaselinePanel</name>
    <message>
        <source>Make this the baseline?</source>
        <translation>Dit de nulmeting maken?</translation>
    </message>
    <message>
        <source>Yes, replace the baseline</source>
        <translation>Ja, nulmeting vervangen</translation>
    </message>
    <message>
        <source>Yes, mark it</source>
        <translation>Ja, vastleggen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Items in per week</source>
        <translation>Artikelen binnen per week</translation>
    </message>
    <message>
        <source>Reuse rate</source>
        <translation>Hergebruikpercentage</translation>
    </message>
    <message>
        <source>Kg in per week</source>
        <translation>Kg binnen per week</translation>
    </message>
    <message>
        <source>Revenue per week</source>
        <translation>Opbrengst per week</translation>
    </message>
    <message>
        <source>Baseline now</source>
        <translation>Nulmeting nu</translation>
    </message>
    <message>
        <source>New baseline</source>
        <translation>Nieuwe nulmeting</translation>
    </message>
    <message>
        <source>no baseline yet</source>
        <translation>nog geen nulmeting</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>The baseline now stays in the history of settings, with who replaced it and when.</source>
        <translation>De huidige nulmeting blijft bewaard in de geschiedenis van de instellingen, met wie hem verving en wanneer.</translation>
    </message>
    <message numerus="yes">
        <source>This also changes the figures of earlier periods: %n export(s) of earlier periods hold the old figures.</source>
        <translation>
            <numerusform>Dit verandert ook de cijfers van eerdere periodes: %n export van een eerdere periode heeft nog de oude cijfers.</numerusform>
            <numerusform>Dit verandert ook de cijfers van eerdere periodes: %n exports van eerdere periodes hebben nog de oude cijfers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CashPanel</name>
    <message>
        <source>Cash: total {total}</source>
        <translation>Contant: totaal {total}</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Gepast</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betaald</translation>
    </message>
    <message>
        <source>Type what the customer hands over, or tap a note.</source>
        <translation>Typ wat de klant geeft, of tik op een biljet.</translation>
    </message>
    <message>
        <source>Change {change}</source>
        <translation>Wisselgeld {change}</translation>
    </message>
</context>
<context>
    <name>CategoriesSection</name>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Naam wijzigen</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichten</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prijs</translation>
    </message>
    <message>
        <source>ORDS</source>
        <translation>ORDS</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>EU category</source>
        <translation>EU-categorie</translation>
    </message>
    <message>
        <source>CO2 factor</source>
        <translation>CO2-factor</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>electrical</source>
        <translation>elektrisch</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Not electrical</source>
        <translation>Niet elektrisch</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>Elektrisch</translation>
    </message>
    <message>
        <source>Dutch name</source>
        <translation>Nederlandse naam</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>Engelse naam</translation>
    </message>
    <message>
        <source>Standard weight in kg</source>
        <translation>Standaardgewicht in kg</translation>
    </message>
    <message>
        <source>Category added.</source>
        <translation>Categorie toegevoegd.</translation>
    </message>
    <message>
        <source>Code of the new category (a-z, 0-9, _)</source>
        <translation>Code van de nieuwe categorie (a-z, 0-9, _)</translation>
    </message>
    <message>
        <source>Category renamed.</source>
        <translation>Naam gewijzigd.</translation>
    </message>
    <message>
        <source>Lowest usual weight in kg</source>
        <translation>Laagste gebruikelijke gewicht in kg</translation>
    </message>
    <message>
        <source>Highest usual weight in kg</source>
        <translation>Hoogste gebruikelijke gewicht in kg</translation>
    </message>
    <message>
        <source>Weights saved.</source>
        <translation>Gewichten opgeslagen.</translation>
    </message>
    <message>
        <source>Kg CO2 avoided per kg reused (now {factor})</source>
        <translation>Kg CO2 vermeden per kg hergebruik (nu {factor})</translation>
    </message>
    <message>
        <source>Source of this figure</source>
        <translation>Bron van dit getal</translation>
    </message>
    <message>
        <source>CO2 factor saved.</source>
        <translation>CO2-factor opgeslagen.</translation>
    </message>
    <message>
        <source>Price saved.</source>
        <translation>Prijs opgeslagen.</translation>
    </message>
    <message>
        <source>Usual shop price of {name}</source>
        <translation>Gewone winkelprijs van {name}</translation>
    </message>
    <message>
        <source>Textiles</source>
        <translation>Textiel</translation>
    </message>
    <message>
        <source>Electrical and electronic equipment</source>
        <translation>Elektrische en elektronische apparatuur</translation>
    </message>
    <message>
        <source>Furniture</source>
        <translation>Meubilair</translation>
    </message>
    <message>
        <source>Construction materials and products</source>
        <translation>Bouwmaterialen en -producten</translation>
    </message>
    <message>
        <source>Other products</source>
        <translation>Overige producten</translation>
    </message>
    <message>
        <source>EU re-use category of {name}</source>
        <translation>EU-hergebruikcategorie van {name}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>None (not a powered product)</source>
        <translation>Geen (geen elektrisch product)</translation>
    </message>
    <message>
        <source>ORDS product category of {name}</source>
        <translation>ORDS-productcategorie van {name}</translation>
    </message>
    <message>
        <source>Order saved.</source>
        <translation>Volgorde opgeslagen.</translation>
    </message>
    <message>
        <source>asks for a frame number</source>
        <translation>vraagt het framenummer</translation>
    </message>
    <message>
        <source>asks for an IMEI or serial number</source>
        <translation>vraagt het IMEI- of serienummer</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Geen nummer</translation>
    </message>
    <message>
        <source>Frame number</source>
        <translation>Framenummer</translation>
    </message>
    <message>
        <source>IMEI or serial number</source>
        <translation>IMEI- of serienummer</translation>
    </message>
    <message>
        <source>Serial number of {name} at intake</source>
        <translation>Serienummer van {name} bij inname</translation>
    </message>
</context>
<context>
    <name>Clocks</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n uur</numerusform>
            <numerusform>%n uur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>This PC&apos;s clock is %1 ahead</source>
        <translation>De klok van deze PC loopt %1 voor</translation>
    </message>
    <message>
        <source>This PC&apos;s clock is %1 behind</source>
        <translation>De klok van deze PC loopt %1 achter</translation>
    </message>
    <message>
        <source>The clock of station %2 is %1 ahead of the hub&apos;s: set it right.</source>
        <translation>De klok van station %2 loopt %1 voor op de hub: zet hem goed.</translation>
    </message>
    <message>
        <source>The clock of station %2 is %1 behind the hub&apos;s: set it right.</source>
        <translation>De klok van station %2 loopt %1 achter op de hub: zet hem goed.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Taken in</source>
        <translation>Ingenomen</translation>
    </message>
    <message>
        <source>Route changed</source>
        <translation>Route gewijzigd</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Vervallen</translation>
    </message>
    <message>
        <source>Repair started</source>
        <translation>Reparatie gestart</translation>
    </message>
    <message>
        <source>Repair finished</source>
        <translation>Reparatie afgerond</translation>
    </message>
    <message>
        <source>Safety tested</source>
        <translation>Veiligheid getest</translation>
    </message>
    <message>
        <source>Priced</source>
        <translation>Geprijsd</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkocht</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>Teruggenomen</translation>
    </message>
    <message>
        <source>Sent out as material</source>
        <translation>Afgevoerd als materiaal</translation>
    </message>
    <message>
        <source>Used in a product</source>
        <translation>Verwerkt in een product</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Gecorrigeerd</translation>
    </message>
    <message>
        <source>Category or weight corrected</source>
        <translation>Categorie of gewicht gecorrigeerd</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message numerus="yes">
        <source>%n conflict(s) between stations. Tap one to choose which step stands.</source>
        <translation>
            <numerusform>%n conflict tussen stations. Tik erop om te kiezen welke stap blijft staan.</numerusform>
            <numerusform>%n conflicten tussen stations. Tik er een aan om te kiezen welke stap blijft staan.</numerusform>
        </translation>
    </message>
    <message>
        <source>All in order: the stations agree on every item.</source>
        <translation>Alles in orde: de stations zijn het over elk artikel eens.</translation>
    </message>
    <message>
        <source>{one} and {other} have the same PIN since the stations met: neither can log in until one of them gets a new PIN (Settings).</source>
        <translation>{one} en {other} hebben dezelfde pincode sinds de stations samenkwamen: geen van beiden kan inloggen tot een van hen een nieuwe pincode krijgt (Instellingen).</translation>
    </message>
    <message>
        <source>Update Ambacht: station %1 uses a newer version.</source>
        <translation>Werk Ambacht bij: station %1 gebruikt een nieuwere versie.</translation>
    </message>
    <message>
        <source>Update Ambacht: stations %1 use a newer version.</source>
        <translation>Werk Ambacht bij: de stations %1 gebruiken een nieuwere versie.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) wait here for it, kept, and count once this PC is updated.</source>
        <translation>
            <numerusform>%n stap wacht hier daarop: hij is bewaard en telt mee zodra deze pc is bijgewerkt.</numerusform>
            <numerusform>%n stappen wachten hier daarop: ze zijn bewaard en tellen mee zodra deze pc is bijgewerkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>{code}: {step}, not counted
because before it: {cause}</source>
        <translation>{code}: {step}, telt niet mee
want ervoor: {cause}</translation>
    </message>
    <message>
        <source>{what} on {day} at {time}, station {station}, {person}</source>
        <translation>{what} op {day} om {time}, station {station}, {person}</translation>
    </message>
    <message>
        <source>Cancellation of: {step}</source>
        <translation>Annulering van: {step}</translation>
    </message>
    <message>
        <source>Keep: {step} ({station}, {person})</source>
        <translation>Behouden: {step} ({station}, {person})</translation>
    </message>
    <message>
        <source>{code}: which step stands? The other is cancelled.</source>
        <translation>{code}: welke stap blijft staan? De andere wordt geannuleerd.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Why? (kept in the history)</source>
        <translation>Waarom? (blijft in de geschiedenis)</translation>
    </message>
    <message>
        <source>Checked on the spot</source>
        <translation>Ter plekke nagekeken</translation>
    </message>
    <message>
        <source>Recorded by mistake</source>
        <translation>Per vergissing vastgelegd</translation>
    </message>
    <message>
        <source>Conflict of {code} resolved.</source>
        <translation>Conflict van {code} opgelost.</translation>
    </message>
</context>
<context>
    <name>CoursesSection</name>
    <message>
        <source>Add a course</source>
        <translation>Cursus toevoegen</translation>
    </message>
    <message>
        <source>Cancel course</source>
        <translation>Cursus annuleren</translation>
    </message>
    <message>
        <source>{day}   ·   {subject}   ·   {count} participants</source>
        <translation>{day}   ·   {subject}   ·   {count} deelnemers</translation>
    </message>
    <message>
        <source>Day of the course</source>
        <translation>Dag van de cursus</translation>
    </message>
    <message>
        <source>Subject of the course</source>
        <translation>Onderwerp van de cursus</translation>
    </message>
    <message>
        <source>Number of participants</source>
        <translation>Aantal deelnemers</translation>
    </message>
    <message>
        <source>Course recorded.</source>
        <translation>Cursus vastgelegd.</translation>
    </message>
    <message>
        <source>No names, please: the subject is printed in the report.</source>
        <translation>Geen namen graag: het onderwerp komt in het rapport.</translation>
    </message>
    <message>
        <source>Why cancel this course?</source>
        <translation>Waarom deze cursus annuleren?</translation>
    </message>
    <message>
        <source>Recorded twice</source>
        <translation>Dubbel ingevoerd</translation>
    </message>
    <message>
        <source>Did not take place</source>
        <translation>Ging niet door</translation>
    </message>
    <message>
        <source>Course cancelled.</source>
        <translation>Cursus geannuleerd.</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kwartaal</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Nulmeting</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle categorieën</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Exports are the whole site&apos;s: choose &apos;This site&apos; first.</source>
        <translation>Exporten gaan over de hele locatie: kies eerst &apos;Deze locatie&apos;.</translation>
    </message>
    <message>
        <source>Kg in and reused per week</source>
        <translation>Kilo&apos;s in en hergebruikt per week</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>reused</source>
        <translation>hergebruikt</translation>
    </message>
    <message>
        <source>Sold as a product made here</source>
        <translation>Eigen product verkocht</translation>
    </message>
    <message>
        <source>Out for reuse</source>
        <translation>Naar hergebruik</translation>
    </message>
    <message>
        <source>Out for recycling</source>
        <translation>Naar recycling</translation>
    </message>
    <message>
        <source>Out as residual waste</source>
        <translation>Naar restafval</translation>
    </message>
    <message>
        <source>Lost in making</source>
        <translation>Verloren bij het maken</translation>
    </message>
    <message>
        <source>What happened to the kilos</source>
        <translation>Wat er met de kilo&apos;s gebeurde</translation>
    </message>
    <message>
        <source>Sold as it was</source>
        <translation>Verkocht zoals het was</translation>
    </message>
    <message>
        <source>Sold after repair</source>
        <translation>Verkocht na reparatie</translation>
    </message>
    <message>
        <source>Not counted: before the first record.</source>
        <translation>Niet geteld: vóór de eerste registratie.</translation>
    </message>
    <message>
        <source>Kg in per category · reuse rate</source>
        <translation>Kg in per categorie · hergebruikpercentage</translation>
    </message>
    <message>
        <source>Nothing came in.</source>
        <translation>Er kwam niets binnen.</translation>
    </message>
    <message numerus="yes">
        <source>All %n categories</source>
        <translation>
            <numerusform>Alle %n categorie</numerusform>
            <numerusform>Alle %n categorieën</numerusform>
        </translation>
    </message>
    <message>
        <source>Beside the baseline</source>
        <translation>Naast de nulmeting</translation>
    </message>
    <message>
        <source>{change} vs {year}</source>
        <translation>{change} t.o.v. {year}</translation>
    </message>
    <message>
        <source>baseline {period}</source>
        <translation>nulmeting {period}</translation>
    </message>
    <message>
        <source>Targets {year}</source>
        <translation>Doelen {year}</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkocht</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Alle locaties</translation>
    </message>
    <message>
        <source>This site</source>
        <translation>Deze locatie</translation>
    </message>
    <message>
        <source>This station ({letter})</source>
        <translation>Dit station ({letter})</translation>
    </message>
    <message>
        <source>Whose figures?</source>
        <translation>Welke cijfers?</translation>
    </message>
    <message>
        <source>Kg in per site · reuse rate</source>
        <translation>Kg in per locatie · hergebruikpercentage</translation>
    </message>
    <message>
        <source>reuse rate</source>
        <translation>hergebruikpercentage</translation>
    </message>
    <message>
        <source>environmental yield</source>
        <translation>milieurendement</translation>
    </message>
    <message>
        <source>repaired</source>
        <translation>gerepareerd</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>omzet</translation>
    </message>
    <message>
        <source>CO2 avoided</source>
        <translation>CO2 vermeden</translation>
    </message>
    <message>
        <source>{points} pp</source>
        <translation>{points} procentpunt</translation>
    </message>
    <message>
        <source>No baseline yet. Mark one with: ambacht baseline --from DATE --to DATE</source>
        <translation>Nog geen nulmeting. Leg er een vast met: ambacht baseline --from DATUM --to DATUM</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>kg in per week</source>
        <translation>kg in per week</translation>
    </message>
    <message>
        <source>No targets for {year}. Tap &apos;Targets&apos; to set them.</source>
        <translation>Geen doelen voor {year}. Tik op &apos;Doelen&apos; om ze in te stellen.</translation>
    </message>
    <message>
        <source>kg collected</source>
        <translation>kg ingezameld</translation>
    </message>
    <message>
        <source>kg reused</source>
        <translation>kg hergebruikt</translation>
    </message>
    <message>
        <source>items repaired</source>
        <translation>artikelen gerepareerd</translation>
    </message>
    <message>
        <source>reuse rate %</source>
        <translation>hergebruik %</translation>
    </message>
    <message>
        <source>Targets {year} (the whole site)</source>
        <translation>Doelen {year} (de hele locatie)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Baseline marked.</source>
        <translation>Nulmeting vastgelegd.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Target saved.</source>
        <translation>Doel opgeslagen.</translation>
    </message>
</context>
<context>
    <name>DayClosePanel</name>
    <message>
        <source>Day close {day}</source>
        <translation>Dagafsluiting {day}</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Niet vastgelegd</translation>
    </message>
    <message>
        <source>{method}: {net}</source>
        <translation>{method}: {net}</translation>
    </message>
    <message numerus="yes">
        <source>%n sales</source>
        <translation>
            <numerusform>%n verkoop</numerusform>
            <numerusform>%n verkopen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n returns</source>
        <translation>
            <numerusform>%n retour</numerusform>
            <numerusform>%n retouren</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: {net}</source>
        <translation>Totaal: {net}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>DD-MM-YYYY</source>
        <translation>DD-MM-JJJJ</translation>
    </message>
</context>
<context>
    <name>DemoBadge</name>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>DEMO - PINs: coordinator {coordinator}, coach {coach}, workshop {workshop}, shop {shop}</source>
        <translation>DEMO - pincodes: coördinator {coordinator}, coach {coach}, werkplaats {workshop}, winkel {shop}</translation>
    </message>
</context>
<context>
    <name>DevicesSection</name>
    <message>
        <source>Change</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Test scale</source>
        <translation>Weegschaal testen</translation>
    </message>
    <message>
        <source>No scale (type weights)</source>
        <translation>Geen weegschaal (gewicht intypen)</translation>
    </message>
    <message>
        <source>8N1: 8 data bits, no parity (most scales)</source>
        <translation>8N1: 8 databits, geen pariteit (de meeste weegschalen)</translation>
    </message>
    <message>
        <source>7E1: 7 data bits, even parity (Toledo 8217)</source>
        <translation>7E1: 7 databits, even pariteit (Toledo 8217)</translation>
    </message>
    <message>
        <source>7O1: 7 data bits, odd parity</source>
        <translation>7O1: 7 databits, oneven pariteit</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Scale: {value}</source>
        <translation>Weegschaal: {value}</translation>
    </message>
    <message>
        <source>Scale port: {value}</source>
        <translation>Poort weegschaal: {value}</translation>
    </message>
    <message>
        <source>Scale speed: {value} baud</source>
        <translation>Snelheid weegschaal: {value} baud</translation>
    </message>
    <message>
        <source>Scale framing: {value}</source>
        <translation>Tekenformaat weegschaal: {value}</translation>
    </message>
    <message>
        <source>Serial barcode scanner port: {value}</source>
        <translation>Poort seriële barcodescanner: {value}</translation>
    </message>
    <message>
        <source>Serial barcode scanner speed: {value} baud</source>
        <translation>Snelheid seriële barcodescanner: {value} baud</translation>
    </message>
    <message>
        <source>Barcode scanner: at most {value} ms between keys</source>
        <translation>Barcodescanner: hoogstens {value} ms tussen toetsen</translation>
    </message>
    <message>
        <source>Camera for scanning labels: {value}</source>
        <translation>Camera voor het scannen van labels: {value}</translation>
    </message>
    <message>
        <source>Which scale?</source>
        <translation>Welke weegschaal?</translation>
    </message>
    <message>
        <source>Speed in baud (as set on the device)</source>
        <translation>Snelheid in baud (zoals ingesteld op het apparaat)</translation>
    </message>
    <message>
        <source>Longest pause between a scanner&apos;s keys (longer for a slow Bluetooth scanner, shorter if typing is taken for a scan)</source>
        <translation>Langste pauze tussen de toetsen van een scanner (langer voor een trage Bluetooth-scanner, korter als typen voor een scan wordt aangezien)</translation>
    </message>
    <message>
        <source>{gap} ms</source>
        <translation>{gap} ms</translation>
    </message>
    <message>
        <source>Framing (as set on the scale)</source>
        <translation>Tekenformaat (zoals ingesteld op de weegschaal)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Type the port name…</source>
        <translation>Poortnaam intypen…</translation>
    </message>
    <message>
        <source>Port, e.g. /dev/ttyUSB0 or COM3</source>
        <translation>Poort, bijv. /dev/ttyUSB0 of COM3</translation>
    </message>
    <message>
        <source>Port of the device</source>
        <translation>Poort van het apparaat</translation>
    </message>
    <message>
        <source>Scanning with a camera needs {parts} installed.</source>
        <translation>Scannen met een camera vraagt dat {parts} geïnstalleerd is.</translation>
    </message>
    <message>
        <source>Camera for scanning labels</source>
        <translation>Camera voor het scannen van labels</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>No scale is set up: choose the scale and its port.</source>
        <translation>Er is geen weegschaal ingesteld: kies de weegschaal en de poort.</translation>
    </message>
    <message>
        <source>Testing the scale on {port}…</source>
        <translation>Weegschaal op {port} testen…</translation>
    </message>
    <message>
        <source>The scale answers: {weight} ({note}). Received: {raw}</source>
        <translation>De weegschaal antwoordt: {weight} ({note}). Ontvangen: {raw}</translation>
    </message>
    <message>
        <source>No answer from the scale: check the port and that it is on.</source>
        <translation>Geen antwoord van de weegschaal: controleer de poort en of hij aan staat.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Use letters, digits and punctuation only, no control characters.</source>
        <translation>Gebruik alleen letters, cijfers en leestekens, geen stuurtekens.</translation>
    </message>
    <message>
        <source>A name is 1 to {max} characters.</source>
        <translation>Een naam heeft 1 tot {max} tekens.</translation>
    </message>
    <message>
        <source>A category code is 2 to 20 lower-case letters, digits or _.</source>
        <translation>Een categoriecode heeft 2 tot 20 kleine letters, cijfers of _.</translation>
    </message>
    <message>
        <source>Category &apos;{code}&apos; exists already.</source>
        <translation>Categorie &apos;{code}&apos; bestaat al.</translation>
    </message>
    <message>
        <source>A CO2 factor is between 0 and 20 kg per kg.</source>
        <translation>Een CO2-factor ligt tussen 0 en 20 kg per kg.</translation>
    </message>
    <message>
        <source>Unknown category &apos;{code}&apos;.</source>
        <translation>Onbekende categorie &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; exists already as &apos;{known}&apos;.</source>
        <translation>&apos;{name}&apos; bestaat al als &apos;{known}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not on the list.</source>
        <translation>&apos;{name}&apos; staat niet op de lijst.</translation>
    </message>
    <message>
        <source>Unknown municipality &apos;{name}&apos;.</source>
        <translation>Onbekende gemeente &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Log out after {min} to {max} seconds.</source>
        <translation>Uitloggen na {min} tot {max} seconden.</translation>
    </message>
    <message>
        <source>The screen size is {min} to {max} %.</source>
        <translation>De schermgrootte is {min} tot {max} %.</translation>
    </message>
    <message>
        <source>Sound is on, off or default.</source>
        <translation>Geluid staat aan, uit of op de standaard.</translation>
    </message>
    <message>
        <source>Unknown label size &apos;{size}&apos;.</source>
        <translation>Onbekend labelformaat &apos;{size}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a printer queue name.</source>
        <translation>&apos;{name}&apos; is geen naam van een printerwachtrij.</translation>
    </message>
    <message>
        <source>The folder &apos;{folder}&apos; is not there.</source>
        <translation>De map &apos;{folder}&apos; bestaat niet.</translation>
    </message>
    <message>
        <source>Unknown kind of printer &apos;{kind}&apos;.</source>
        <translation>Onbekend soort printer &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <source>Choose a printer.</source>
        <translation>Kies een printer.</translation>
    </message>
    <message>
        <source>&apos;{host}&apos; is not a host name or IP address.</source>
        <translation>&apos;{host}&apos; is geen hostnaam of IP-adres.</translation>
    </message>
    <message>
        <source>A network port is a number from 1 to 65535.</source>
        <translation>Een netwerkpoort is een getal van 1 tot 65535.</translation>
    </message>
    <message>
        <source>A Zebra print head has 203 or 300 dpi.</source>
        <translation>Een Zebra-printkop heeft 203 of 300 dpi.</translation>
    </message>
    <message>
        <source>Print 1 to 5 labels per item.</source>
        <translation>Print 1 tot 5 labels per artikel.</translation>
    </message>
    <message>
        <source>Unknown target &apos;{kind}&apos;.</source>
        <translation>Onbekend doel &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <source>A year is 2000 to 2100.</source>
        <translation>Een jaar ligt tussen 2000 en 2100.</translation>
    </message>
    <message>
        <source>A target is more than 0 and at most {max}.</source>
        <translation>Een doel is meer dan 0 en hoogstens {max}.</translation>
    </message>
    <message>
        <source>Choose nl or en.</source>
        <translation>Kies nl of en.</translation>
    </message>
    <message>
        <source>The standard weight must lie between the lower and upper bound.</source>
        <translation>Het standaardgewicht moet tussen de onder- en bovengrens liggen.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Je rol staat dit niet toe.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {wait}.</source>
        <translation>Te vaak een verkeerde pincode. Probeer het over {wait} opnieuw.</translation>
    </message>
    <message>
        <source>A PIN is {min} to {max} digits.</source>
        <translation>Een pincode heeft {min} tot {max} cijfers.</translation>
    </message>
    <message>
        <source>There is no coordinator account.</source>
        <translation>Er is geen account van een coördinator.</translation>
    </message>
    <message>
        <source>The first PIN has already been set.</source>
        <translation>De eerste pincode is al ingesteld.</translation>
    </message>
    <message>
        <source>The name is empty; give a staff member&apos;s name or leave it out.</source>
        <translation>De naam is leeg; geef de naam van een medewerker of laat hem weg.</translation>
    </message>
    <message>
        <source>The PIN is empty; give a PIN or leave it out.</source>
        <translation>De pincode is leeg; geef een pincode of laat hem weg.</translation>
    </message>
    <message>
        <source>Acting as &apos;{name}&apos; needs that person&apos;s PIN (--pin or AMBACHT_PIN).</source>
        <translation>Handelen als &apos;{name}&apos; vraagt de pincode van die persoon (--pin of AMBACHT_PIN).</translation>
    </message>
    <message>
        <source>No active staff member is called &apos;{name}&apos;.</source>
        <translation>Er is geen actieve medewerker met de naam &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Unknown PIN. Try again.</source>
        <translation>Onbekende pincode. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Another colleague has this PIN too, since the stations&apos; staff lists met. Ask the coordinator to give one of you a new PIN (see &apos;Let op&apos;).</source>
        <translation>Een andere collega heeft deze pincode ook, sinds de personeelslijsten van de stations samenkwamen. Vraag de coördinator een van jullie een nieuwe pincode te geven (zie &apos;Let op&apos;).</translation>
    </message>
    <message>
        <source>You cannot disable or demote your own account.</source>
        <translation>Je kunt je eigen account niet uitschakelen of een lagere rol geven.</translation>
    </message>
    <message>
        <source>This is the last coordinator; make someone else coordinator first.</source>
        <translation>Dit is de laatste coördinator; maak eerst iemand anders coördinator.</translation>
    </message>
    <message>
        <source>Only a coordinator can see the figures of every site.</source>
        <translation>Alleen een coördinator kan de cijfers van alle locaties zien.</translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation>Deze medewerker bestaat niet.</translation>
    </message>
    <message>
        <source>This PIN is taken. Choose another one.</source>
        <translation>Deze pincode is al in gebruik. Kies een andere.</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not an item code (like A000123).</source>
        <translation>&apos;{code}&apos; is geen artikelcode (zoals A000123).</translation>
    </message>
    <message>
        <source>A station is one letter, A to Z.</source>
        <translation>Een station is één letter, A tot Z.</translation>
    </message>
    <message>
        <source>Unknown route &apos;{route}&apos;. Use sale, repair or material.</source>
        <translation>Onbekende route &apos;{route}&apos;. Gebruik sale, repair of material.</translation>
    </message>
    <message>
        <source>Give a reason of {min} to {max} characters.</source>
        <translation>Geef een reden van {min} tot {max} tekens.</translation>
    </message>
    <message>
        <source>A text here is at most {max} characters.</source>
        <translation>Een tekst hier is hoogstens {max} tekens.</translation>
    </message>
    <message>
        <source>Item {code} was taken in by a station on a newer Ambacht: it can be used here once this PC is updated too.</source>
        <translation>Item {code} is ingenomen door een station met een nieuwere Ambacht: het kan hier gebruikt worden zodra ook deze pc is bijgewerkt.</translation>
    </message>
    <message>
        <source>No item has code {code}.</source>
        <translation>Er is geen artikel met code {code}.</translation>
    </message>
    <message>
        <source>Item {code} has no step to correct.</source>
        <translation>Artikel {code} heeft geen stap om te corrigeren.</translation>
    </message>
    <message>
        <source>That time is before the latest step of item {code}.</source>
        <translation>Dat tijdstip ligt vóór de laatste stap van artikel {code}.</translation>
    </message>
    <message>
        <source>No visit has code {code}.</source>
        <translation>Er is geen bezoek met code {code}.</translation>
    </message>
    <message>
        <source>Category &apos;{code}&apos; is hidden.</source>
        <translation>Categorie &apos;{code}&apos; is verborgen.</translation>
    </message>
    <message>
        <source>Visit {code} has items. Undo them first, or end the visit.</source>
        <translation>Bezoek {code} heeft artikelen. Maak die eerst ongedaan, of sluit het bezoek af.</translation>
    </message>
    <message>
        <source>Visit {code} was cancelled already.</source>
        <translation>Bezoek {code} is al geannuleerd.</translation>
    </message>
    <message>
        <source>{weight} is unusual here (usual: {low} to {high}). Is it right?</source>
        <translation>{weight} is ongebruikelijk voor deze categorie (meestal {low} tot {high}). Klopt dat?</translation>
    </message>
    <message>
        <source>There is no item to undo in this visit.</source>
        <translation>Er is in dit bezoek geen artikel om ongedaan te maken.</translation>
    </message>
    <message>
        <source>The item already has this route.</source>
        <translation>Het artikel heeft deze route al.</translation>
    </message>
    <message>
        <source>Item {code} was voided already.</source>
        <translation>Artikel {code} was al ongedaan gemaakt.</translation>
    </message>
    <message>
        <source>{code} is part of product {product}: void or correct the product first.</source>
        <translation>{code} zit in product {product}: laat eerst dat product vervallen of corrigeer het.</translation>
    </message>
    <message>
        <source>Only your own items of today. Ask the coordinator for this one.</source>
        <translation>Alleen je eigen artikelen van vandaag. Vraag de coördinator om deze.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an ISO time like 2025-03-01T10:30.</source>
        <translation>&apos;{text}&apos; is geen ISO-tijd zoals 2025-03-01T10:30.</translation>
    </message>
    <message>
        <source>A time before 2000 is not accepted.</source>
        <translation>Een tijd vóór 2000 wordt niet aangenomen.</translation>
    </message>
    <message>
        <source>That time is in the future.</source>
        <translation>Dat tijdstip ligt in de toekomst.</translation>
    </message>
    <message>
        <source>{time} does not exist in {zone}: the clocks jump from {first} to {second} then. Give the offset, e.g. {time}{first}.</source>
        <translation>{time} bestaat niet in {zone}: de klok springt dan van {first} naar {second}. Geef de afwijking van UTC, bijvoorbeeld {time}{first}.</translation>
    </message>
    <message>
        <source>{time} happens twice in {zone}, at {first} and at {second}. Give the offset, e.g. {time}{first}.</source>
        <translation>{time} komt twee keer voor in {zone}, om {first} en om {second}. Geef de afwijking van UTC, bijvoorbeeld {time}{first}.</translation>
    </message>
    <message>
        <source>Enter a weight in kg.</source>
        <translation>Voer een gewicht in kg in.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a weight in kg.</source>
        <translation>&apos;{text}&apos; is geen gewicht in kg.</translation>
    </message>
    <message>
        <source>A weight is a whole number of grams.</source>
        <translation>Een gewicht is een geheel aantal grammen.</translation>
    </message>
    <message>
        <source>The weight must be more than 0 kg.</source>
        <translation>Het gewicht moet meer dan 0 kg zijn.</translation>
    </message>
    <message>
        <source>The weight can be at most {max}.</source>
        <translation>Het gewicht mag hoogstens {max} zijn.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an amount in euros.</source>
        <translation>&apos;{text}&apos; is geen bedrag in euro.</translation>
    </message>
    <message>
        <source>A price is between 0 and {max} euros.</source>
        <translation>Een prijs ligt tussen 0 en {max} euro.</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not there. Is the USB stick or network share connected?</source>
        <translation>De back-upmap {folder} is er niet. Zit de USB-stick erin of is de netwerkmap verbonden?</translation>
    </message>
    <message>
        <source>There is no database at {path}. Create one with &apos;ambacht init&apos;.</source>
        <translation>Er is geen database op {path}. Maak er een met &apos;ambacht init&apos;.</translation>
    </message>
    <message>
        <source>{path} is not there.</source>
        <translation>{path} bestaat niet.</translation>
    </message>
    <message>
        <source>{path} exists already; choose another name.</source>
        <translation>{path} bestaat al; kies een andere naam.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Ambacht; update Ambacht first.</source>
        <translation>{path} is gemaakt door een nieuwere versie van Ambacht; werk Ambacht eerst bij.</translation>
    </message>
    <message>
        <source>The database {path} is open in a running Ambacht; close it first.</source>
        <translation>De database {path} is geopend in een Ambacht die nog draait; sluit die eerst.</translation>
    </message>
    <message>
        <source>{path} is not an Ambacht backup.</source>
        <translation>{path} is geen back-up van Ambacht.</translation>
    </message>
    <message>
        <source>The copy {path} is incomplete; nothing was replaced.</source>
        <translation>De kopie {path} is onvolledig; er is niets vervangen.</translation>
    </message>
    <message>
        <source>Cannot write in {folder}: {error}</source>
        <translation>Kan niet schrijven in {folder}: {error}</translation>
    </message>
    <message>
        <source>{path} is not a file name.</source>
        <translation>{path} is geen bestandsnaam.</translation>
    </message>
    <message>
        <source>The folder {folder} is not there.</source>
        <translation>De map {folder} bestaat niet.</translation>
    </message>
    <message>
        <source>{path} is the database or a backup of it; choose another file.</source>
        <translation>{path} is de database of een back-up ervan; kies een ander bestand.</translation>
    </message>
    <message>
        <source>{path} is a symbolic link; name the file itself.</source>
        <translation>{path} is een snelkoppeling (symbolische link); geef het bestand zelf op.</translation>
    </message>
    <message>
        <source>{path} is not a plain file; choose another name.</source>
        <translation>{path} is geen gewoon bestand; kies een andere naam.</translation>
    </message>
    <message>
        <source>{path} is an Ambacht database; it is never written over. Choose another file.</source>
        <translation>{path} is een Ambacht-database; die wordt nooit overschreven. Kies een ander bestand.</translation>
    </message>
    <message>
        <source>{path} exists already; add --force to replace it.</source>
        <translation>{path} bestaat al; voeg --force toe om het te vervangen.</translation>
    </message>
    <message>
        <source>Cannot create the folder for the database: {error}</source>
        <translation>Kan de map voor de database niet maken: {error}</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}), so nothing new is saved in it. Restore a backup: start Ambacht again and choose one, or use &apos;ambacht restore BACKUP&apos;.</source>
        <translation>De database {path} is beschadigd ({detail}), dus er wordt niets nieuws in opgeslagen. Zet een back-up terug: start Ambacht opnieuw en kies er een, of gebruik &apos;ambacht restore BACKUP&apos;.</translation>
    </message>
    <message>
        <source>The disk is full, so this was not saved. Free up space on the disk (or ask the coordinator to), then try again.</source>
        <translation>De schijf is vol, dus dit is niet opgeslagen. Maak ruimte vrij op de schijf (of vraag de coördinator dat te doen) en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The database {path} cannot be written: the file or its folder is read-only. This was not saved.</source>
        <translation>Er kan niet in de database {path} geschreven worden: het bestand of de map is alleen-lezen. Dit is niet opgeslagen.</translation>
    </message>
    <message>
        <source>The database is in use by another program, so this was not saved. Try again in a moment.</source>
        <translation>De database is in gebruik door een ander programma, dus dit is niet opgeslagen. Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <source>The database {path} cannot be used: {error}</source>
        <translation>De database {path} is niet te gebruiken: {error}</translation>
    </message>
    <message>
        <source>{path} is not an Ambacht database.</source>
        <translation>{path} is geen Ambacht-database.</translation>
    </message>
    <message>
        <source>Item {code} was voided; it counts nowhere.</source>
        <translation>Artikel {code} is vervallen; het telt nergens mee.</translation>
    </message>
    <message>
        <source>Item {code} is in repair. Finish the repair first.</source>
        <translation>Artikel {code} is in reparatie. Rond eerst de reparatie af.</translation>
    </message>
    <message>
        <source>Item {code} has been sold. Take it back as a return first.</source>
        <translation>Artikel {code} is verkocht. Neem het eerst terug als retour.</translation>
    </message>
    <message>
        <source>Item {code} has left the centre as material.</source>
        <translation>Artikel {code} heeft het centrum verlaten als materiaal.</translation>
    </message>
    <message>
        <source>Item {code} was used to make another product.</source>
        <translation>Artikel {code} is gebruikt om een ander product te maken.</translation>
    </message>
    <message>
        <source>Item {code} is waiting for repair, not for sale.</source>
        <translation>Artikel {code} wacht op reparatie, niet op verkoop.</translation>
    </message>
    <message>
        <source>Item {code} is meant for material, not for sale.</source>
        <translation>Artikel {code} is bestemd voor materiaal, niet voor verkoop.</translation>
    </message>
    <message>
        <source>Item {code} is electrical and has no passed safety test. The workshop must test it first.</source>
        <translation>Artikel {code} is elektrisch en heeft geen geslaagde veiligheidstest. De werkplaats moet het eerst testen.</translation>
    </message>
    <message>
        <source>Unknown recipient &apos;{name}&apos;. Ask the coordinator to add it.</source>
        <translation>Onbekende afnemer &apos;{name}&apos;. Vraag de coördinator die toe te voegen.</translation>
    </message>
    <message>
        <source>Scan an item or enter a weight to send out.</source>
        <translation>Scan een artikel of voer een gewicht in om mee te geven.</translation>
    </message>
    <message>
        <source>An item is in the list twice.</source>
        <translation>Een artikel staat twee keer in de lijst.</translation>
    </message>
    <message>
        <source>No delivery note has number {code}.</source>
        <translation>Er is geen afleverbon met nummer {code}.</translation>
    </message>
    <message>
        <source>Unknown repair status &apos;{status}&apos;. Use fixed, repairable or end-of-life.</source>
        <translation>Onbekende reparatiestatus &apos;{status}&apos;. Gebruik fixed, repairable of end-of-life.</translation>
    </message>
    <message>
        <source>Unknown repair barrier &apos;{barrier}&apos;. Use its number, short name or text: {known}.</source>
        <translation>Onbekende reparatiebarrière &apos;{barrier}&apos;. Gebruik het nummer, de korte naam of de tekst: {known}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an ORDS product category.</source>
        <translation>&apos;{name}&apos; is geen ORDS-productcategorie.</translation>
    </message>
    <message>
        <source>Scan at least one item to sell.</source>
        <translation>Scan minstens één artikel om te verkopen.</translation>
    </message>
    <message>
        <source>Item {code} has no price. Enter one.</source>
        <translation>Artikel {code} heeft geen prijs. Voer er een in.</translation>
    </message>
    <message>
        <source>Item {code} has not been sold.</source>
        <translation>Artikel {code} is niet verkocht.</translation>
    </message>
    <message>
        <source>Choose cash or pin.</source>
        <translation>Kies contant of pin.</translation>
    </message>
    <message>
        <source>Item {code} has changed since the sale; take it back instead.</source>
        <translation>Artikel {code} is na de verkoop veranderd; neem het retour.</translation>
    </message>
    <message>
        <source>The sale is empty: nothing to park.</source>
        <translation>De verkoop is leeg: er is niets te parkeren.</translation>
    </message>
    <message>
        <source>That parked sale is gone: it was picked up already.</source>
        <translation>Die geparkeerde verkoop is er niet meer: hij is al opgehaald.</translation>
    </message>
    <message>
        <source>Item {code} is not electrical; it needs no safety test.</source>
        <translation>Artikel {code} is niet elektrisch; het heeft geen veiligheidstest nodig.</translation>
    </message>
    <message>
        <source>A year of manufacture is {low} to {high}.</source>
        <translation>Een bouwjaar ligt tussen {low} en {high}.</translation>
    </message>
    <message>
        <source>Minutes spent are {low} to {high}.</source>
        <translation>Bestede minuten: {low} tot {high}.</translation>
    </message>
    <message>
        <source>Describe the problem of {code}: the repair record of a powered product needs it.</source>
        <translation>Beschrijf het probleem van {code}: het reparatieverslag van een elektrisch product heeft het nodig.</translation>
    </message>
    <message>
        <source>Which product is {code} (laptop, mobile, ...)? Choose its ORDS product category.</source>
        <translation>Welk product is {code} (laptop, mobiel, ...)? Kies de ORDS-productcategorie.</translation>
    </message>
    <message>
        <source>Item {code} is not electrical, so it has no ORDS product category: leave the product out.</source>
        <translation>Item {code} is niet elektrisch en heeft dus geen ORDS-productcategorie: laat het product weg.</translation>
    </message>
    <message>
        <source>Made in {year}? The repair was in {repair_year}: a product is made before it is repaired.</source>
        <translation>Gemaakt in {year}? De reparatie was in {repair_year}: een product wordt gemaakt voordat het gerepareerd wordt.</translation>
    </message>
    <message>
        <source>A safety test result is pass or fail.</source>
        <translation>Een veiligheidstest is goedgekeurd of afgekeurd.</translation>
    </message>
    <message>
        <source>A repair barrier goes only with end of life.</source>
        <translation>Een reparatiebarrière hoort alleen bij &apos;einde levensduur&apos;.</translation>
    </message>
    <message>
        <source>Item {code} is not in repair. Start the repair first.</source>
        <translation>Artikel {code} is niet in reparatie. Start eerst de reparatie.</translation>
    </message>
    <message>
        <source>Scan at least one item the product is made from.</source>
        <translation>Scan minstens één artikel waarvan het product gemaakt is.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>De periode eindigt voordat hij begint.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date like 2026-03-31.</source>
        <translation>&apos;{text}&apos; is geen datum zoals 2026-03-31.</translation>
    </message>
    <message>
        <source>Unknown scale protocol &apos;{name}&apos;.</source>
        <translation>Onbekend weegschaalprotocol &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a serial port name such as /dev/ttyUSB0 or COM3.</source>
        <translation>&apos;{name}&apos; is geen naam van een seriële poort zoals /dev/ttyUSB0 of COM3.</translation>
    </message>
    <message>
        <source>The speed is one of {rates} baud.</source>
        <translation>De snelheid is een van {rates} baud.</translation>
    </message>
    <message>
        <source>The framing is one of {framings}.</source>
        <translation>Het tekenformaat is een van {framings}.</translation>
    </message>
    <message>
        <source>The pause between a scanner&apos;s keys is one of {gaps} ms.</source>
        <translation>De pauze tussen de toetsen van een scanner is een van {gaps} ms.</translation>
    </message>
    <message>
        <source>That is not a camera&apos;s name.</source>
        <translation>Dat is geen naam van een camera.</translation>
    </message>
    <message>
        <source>Unknown device setting &apos;{key}&apos;.</source>
        <translation>Onbekende apparaatinstelling &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>The history in {path} was changed outside Ambacht: event {seq} of station {station} (item {code}, {step}) was changed. Restore a backup made before that.</source>
        <translation>De geschiedenis in {path} is buiten Ambacht om veranderd: stap {seq} van station {station} (artikel {code}, {step}) is gewijzigd. Zet een back-up terug van vóór die wijziging.</translation>
    </message>
    <message>
        <source>The history in {path} was changed outside Ambacht: an event of station {station} (item {code}, {step}) was inserted. Restore a backup made before that.</source>
        <translation>De geschiedenis in {path} is buiten Ambacht om veranderd: er is een stap van station {station} (artikel {code}, {step}) tussengevoegd. Zet een back-up terug van vóór die wijziging.</translation>
    </message>
    <message>
        <source>The history in {path} was changed outside Ambacht: event {seqs} of station {station} was removed (before item {code}, {step}). Restore a backup made before that.</source>
        <translation>De geschiedenis in {path} is buiten Ambacht om veranderd: stap {seqs} van station {station} is verwijderd (vóór artikel {code}, {step}). Zet een back-up terug van vóór die wijziging.</translation>
    </message>
    <message>
        <source>A stored time cannot be read: &apos;{time}&apos;.</source>
        <translation>Een opgeslagen tijd is onleesbaar: &apos;{time}&apos;.</translation>
    </message>
    <message>
        <source>The database {path} was changed by a newer version of Ambacht ({changes}). This version may only read it, so nothing was changed. Update Ambacht on this computer.</source>
        <translation>De database {path} is gewijzigd door een nieuwere versie van Ambacht ({changes}). Deze versie mag hem alleen lezen, dus er is niets veranderd. Werk Ambacht op deze computer bij.</translation>
    </message>
    <message>
        <source>The file {wal} belongs to another database, so it was not applied to {path}, which is unchanged. Move that file out of the folder (keep it), then start Ambacht again.</source>
        <translation>Het bestand {wal} hoort bij een andere database en is daarom niet toegepast op {path}, die onveranderd is. Zet dat bestand uit de map (bewaar het) en start Ambacht opnieuw.</translation>
    </message>
    <message>
        <source>Step {event} cannot be read: {key} is &apos;{value}&apos;.</source>
        <translation>Stap {event} is onleesbaar: {key} is &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The figures in {path} were changed outside Ambacht: the row of item {code} does not match its history ({fields}). Restore a backup made before that.</source>
        <translation>De cijfers in {path} zijn buiten Ambacht om veranderd: de rij van artikel {code} klopt niet met zijn geschiedenis ({fields}). Zet een back-up terug van vóór die wijziging.</translation>
    </message>
    <message>
        <source>The figures in {path} were changed outside Ambacht: the cached sums of {day} do not match its steps. Restore a backup made before that.</source>
        <translation>De cijfers in {path} zijn buiten Ambacht om veranderd: de bewaarde dagtotalen van {day} kloppen niet met de stappen van die dag. Zet een back-up terug van vóór die wijziging.</translation>
    </message>
    <message>
        <source>The file {wal} is from an earlier copy of {path} or damaged, not the file&apos;s own, so it was not applied to {path}, which is unchanged. Move that file out of the folder (keep it), then start Ambacht again.</source>
        <translation>Het bestand {wal} komt van een eerdere kopie van {path} of is beschadigd en hoort niet bij dit bestand, en is daarom niet toegepast op {path}, die onveranderd is. Zet dat bestand uit de map (bewaar het) en start Ambacht opnieuw.</translation>
    </message>
    <message>
        <source>The database {path} has another name too (a hard link), so programs using that name would not see what is saved under this one and could undo it. Remove the other name, keeping this one, then try again.</source>
        <translation>De database {path} heeft nog een andere naam (een harde link): programma&apos;s die die naam gebruiken zien niet wat onder deze naam is opgeslagen en kunnen het ongedaan maken. Verwijder de andere naam, houd deze, en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The database {path} cannot be written: its file {side} is read-only (left by a program that could only read the database). Make that file writable for this account, like the database itself, then try again. This was not saved.</source>
        <translation>Er kan niet in de database {path} geschreven worden: het bestand {side} is alleen-lezen (achtergelaten door een programma dat de database alleen kon lezen). Maak dat bestand schrijfbaar voor dit account, net als de database zelf, en probeer het opnieuw. Dit is niet opgeslagen.</translation>
    </message>
    <message>
        <source>The hub is neither a PostgreSQL URL (postgresql://user@host:5432/database) nor a join code from &apos;ambacht hub invite&apos;.</source>
        <translation>De hub is geen PostgreSQL-URL (postgresql://gebruiker@host:5432/database) en geen koppelcode van &apos;ambacht hub invite&apos;.</translation>
    </message>
    <message>
        <source>The hub {hub} cannot be reached; nothing was lost, and this station works on alone.</source>
        <translation>De hub {hub} is niet bereikbaar; er is niets verloren en dit station werkt zelfstandig door.</translation>
    </message>
    <message>
        <source>The hub {hub} did not answer in time; nothing was lost, and this station works on alone.</source>
        <translation>De hub {hub} antwoordde niet op tijd; er is niets verloren en dit station werkt zelfstandig door.</translation>
    </message>
    <message>
        <source>The hub {hub} cannot be reached; nothing was changed.</source>
        <translation>De hub {hub} is niet bereikbaar; er is niets veranderd.</translation>
    </message>
    <message>
        <source>The hub {hub} did not answer in time; nothing was changed.</source>
        <translation>De hub {hub} antwoordde niet op tijd; er is niets veranderd.</translation>
    </message>
    <message>
        <source>The hub {hub} refused this; the log says why.</source>
        <translation>De hub {hub} weigerde dit; het logboek zegt waarom.</translation>
    </message>
    <message>
        <source>The hub {hub} is not set up: run &apos;ambacht hub init --hub URL&apos; first.</source>
        <translation>De hub {hub} is nog niet ingericht: voer eerst &apos;ambacht hub init --hub URL&apos; uit.</translation>
    </message>
    <message>
        <source>The hub {hub} names a database the server does not have: check the URL.</source>
        <translation>De hub {hub} noemt een database die de server niet heeft: controleer de URL.</translation>
    </message>
    <message>
        <source>The hub {hub} does not know this station&apos;s credential: join it again with a new code (&apos;ambacht hub invite&apos;).</source>
        <translation>De hub {hub} kent de toegang van dit station niet: koppel het opnieuw met een nieuwe code (&apos;ambacht hub invite&apos;).</translation>
    </message>
    <message>
        <source>The hub {hub} revoked this station: ask the coordinator for a new join code.</source>
        <translation>De hub {hub} heeft dit station ingetrokken: vraag de coördinator om een nieuwe koppelcode.</translation>
    </message>
    <message>
        <source>This join code was used already: ask the coordinator for a new one.</source>
        <translation>Deze koppelcode is al gebruikt: vraag de coördinator om een nieuwe.</translation>
    </message>
    <message>
        <source>This join code is for another site.</source>
        <translation>Deze koppelcode is voor een andere locatie.</translation>
    </message>
    <message>
        <source>This database&apos;s station letter cannot be used at this site; nothing was changed.</source>
        <translation>De stationsletter van deze database kan op deze locatie niet worden gebruikt; er is niets veranderd.</translation>
    </message>
    <message>
        <source>The hub {hub} refused records of another station; nothing was sent.</source>
        <translation>De hub {hub} weigerde gegevens van een ander station; er is niets verstuurd.</translation>
    </message>
    <message>
        <source>The hub {hub} holds another history for this station; nothing was sent.</source>
        <translation>De hub {hub} heeft een andere geschiedenis van dit station; er is niets verstuurd.</translation>
    </message>
    <message>
        <source>The hub {hub} refused steps that do not continue this station&apos;s chain; nothing was sent.</source>
        <translation>De hub {hub} weigerde stappen die niet aansluiten op de keten van dit station; er is niets verstuurd.</translation>
    </message>
    <message>
        <source>The hub {hub} has no site {site}.</source>
        <translation>De hub {hub} heeft geen locatie {site}.</translation>
    </message>
    <message>
        <source>The site {site} has no station of that letter.</source>
        <translation>De locatie {site} heeft geen station met die letter.</translation>
    </message>
    <message>
        <source>The role in the URL of {hub} may not do this: use the hub&apos;s administrator for &apos;hub init&apos;, &apos;hub invite&apos; and &apos;hub revoke&apos;.</source>
        <translation>De rol in de URL van {hub} mag dit niet: gebruik de beheerder van de hub voor &apos;hub init&apos;, &apos;hub invite&apos; en &apos;hub revoke&apos;.</translation>
    </message>
    <message>
        <source>The hub has a site &apos;{existing}&apos; already; &apos;{site}&apos; differs from it only in capitals or spaces. Use &apos;{existing}&apos;, or --new-site for another site.</source>
        <translation>De hub heeft al een locatie &apos;{existing}&apos;; &apos;{site}&apos; verschilt daarvan alleen in hoofdletters of spaties. Gebruik &apos;{existing}&apos;, of --new-site voor een andere locatie.</translation>
    </message>
    <message>
        <source>This join code is for site {site}.</source>
        <translation>Deze koppelcode is voor locatie {site}.</translation>
    </message>
    <message>
        <source>Letter {letter} is taken at site {site} already (or the code is for another letter); nothing was changed.</source>
        <translation>Letter {letter} is op locatie {site} al in gebruik (of de code is voor een andere letter); er is niets veranderd.</translation>
    </message>
    <message>
        <source>The site has no free station letter left.</source>
        <translation>De locatie heeft geen vrije stationsletter meer.</translation>
    </message>
    <message>
        <source>The hub&apos;s sslmode &apos;{mode}&apos; is not one PostgreSQL knows: use disable, allow, prefer, require, verify-ca or verify-full.</source>
        <translation>De sslmode &apos;{mode}&apos; van de hub kent PostgreSQL niet: gebruik disable, allow, prefer, require, verify-ca of verify-full.</translation>
    </message>
    <message>
        <source>The hub {hub} did not accept the password: check the URL or ~/.pgpass, or ask for a new join code.</source>
        <translation>De hub {hub} accepteerde het wachtwoord niet: controleer de URL of ~/.pgpass, of vraag om een nieuwe koppelcode.</translation>
    </message>
    <message>
        <source>The hub {hub} lets this role in no more (revoked, or a join code used up): ask the coordinator for a new join code.</source>
        <translation>De hub {hub} laat deze rol niet meer toe (ingetrokken, of een gebruikte koppelcode): vraag de coördinator om een nieuwe koppelcode.</translation>
    </message>
    <message>
        <source>{path} has not joined a hub: run &apos;ambacht station join --hub CODE --site NAME&apos; first. A station without a hub works on alone.</source>
        <translation>{path} is niet aan een hub gekoppeld: voer eerst &apos;ambacht station join --hub CODE --site NAAM&apos; uit. Een station zonder hub werkt gewoon alleen.</translation>
    </message>
    <message>
        <source>This PC was restored from a backup: first sync with the hub.</source>
        <translation>Deze PC is teruggezet uit een back-up: eerst synchroniseren met de hub.</translation>
    </message>
    <message>
        <source>Station {station}&apos;s steps in this file differ from the hub&apos;s copy, so it can never sync again: keep this file and take the station over on a new one (docs/stations.md, &apos;A station that went apart from the hub&apos;).</source>
        <translation>De stappen van station {station} in dit bestand verschillen van die op de hub, dus het kan nooit meer synchroniseren: bewaar dit bestand en neem het station over met een nieuw bestand (docs/stations.md, &apos;A station that went apart from the hub&apos;).</translation>
    </message>
    <message>
        <source>{path} is station {letter} of site {site} already. Nothing was changed.</source>
        <translation>{path} is al station {letter} van locatie {site}. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>{path} appeared while it was being made; nothing was changed.</source>
        <translation>{path} verscheen terwijl het werd aangemaakt; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Step {step} is not one of an open conflict&apos;s two steps.</source>
        <translation>Stap {step} is geen van de twee stappen van een open conflict.</translation>
    </message>
    <message>
        <source>Item {code}&apos;s intake cannot be cancelled; void the item instead.</source>
        <translation>De inname van artikel {code} kan niet geannuleerd worden; laat het artikel vervallen.</translation>
    </message>
    <message>
        <source>Step {event} of station {station} does not match its own hash: it was changed on the way. Nothing was taken in.</source>
        <translation>Stap {event} van station {station} klopt niet met zijn eigen hash: hij is onderweg veranderd. Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>Steps {first} to {last} of station {station} are missing before step {event}. Nothing was taken in.</source>
        <translation>Stappen {first} tot en met {last} van station {station} ontbreken vóór stap {event}. Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>Step {event} of station {station} was taken by a staff member not known here ({user}): the site&apos;s staff must arrive first. Nothing was taken in.</source>
        <translation>Stap {event} van station {station} is gezet door een medewerker die hier niet bekend is ({user}): eerst moeten de medewerkers van de locatie binnenkomen. Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>Step {event} of station {station} takes in an item that came without its code. Nothing was taken in.</source>
        <translation>Stap {event} van station {station} neemt een artikel in dat zonder zijn code kwam. Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>Code {code} belongs to another item here: the histories went apart. Nothing was taken in.</source>
        <translation>Code {code} hoort hier bij een ander artikel: de geschiedenissen zijn uit elkaar gelopen. Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>Item {code} has category &apos;{category}&apos;, not known here: the site&apos;s categories must arrive first. Nothing was taken in.</source>
        <translation>Artikel {code} heeft categorie &apos;{category}&apos;, die hier niet bekend is: eerst moeten de categorieën van de locatie binnenkomen. Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>Delivery note {code} differs from the one here: the histories went apart. Nothing was taken in.</source>
        <translation>Afleverbon {code} verschilt van die hier: de geschiedenissen zijn uit elkaar gelopen. Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>Step {seq} of station {station} here is not step {event} as sent: the histories went apart (a changed or restored copy). Nothing was taken in.</source>
        <translation>Stap {seq} van station {station} is hier niet de verzonden stap {event}: de geschiedenissen zijn uit elkaar gelopen (een veranderde of teruggezette kopie). Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>Visit {code} differs from the one here: the histories went apart. Nothing was taken in.</source>
        <translation>Bezoek {code} verschilt van dat hier: de geschiedenissen zijn uit elkaar gelopen. Er is niets overgenomen.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a kind of recipient: reuse, recycling or residual.</source>
        <translation>&apos;{text}&apos; is geen soort afnemer: reuse (hergebruik), recycling of residual (restafval).</translation>
    </message>
    <message>
        <source>That is a phone number, not a serial number: the register keeps nothing about a person.</source>
        <translation>Dat is een telefoonnummer, geen serienummer: het register bewaart niets over een persoon.</translation>
    </message>
    <message>
        <source>A serial number is {low} to {high} letters and digits.</source>
        <translation>Een serienummer is {low} tot {high} letters en cijfers.</translation>
    </message>
    <message>
        <source>A serial number has at least one digit: type the number on the item, not a name.</source>
        <translation>Een serienummer heeft minstens één cijfer: typ het nummer dat op het voorwerp staat, geen naam.</translation>
    </message>
    <message>
        <source>That is a street address, not a serial number: the register keeps nothing about a person.</source>
        <translation>Dat is een adres, geen serienummer: het register bewaart niets over een persoon.</translation>
    </message>
    <message>
        <source>A kind of serial number is frame, imei-serial or none.</source>
        <translation>Een soort serienummer is frame (framenummer), imei-serial (IMEI of serienummer) of none (geen).</translation>
    </message>
    <message>
        <source>No item has serial number {number}.</source>
        <translation>Geen artikel heeft serienummer {number}.</translation>
    </message>
    <message>
        <source>Only cash has an amount received.</source>
        <translation>Alleen bij contant hoort een ontvangen bedrag.</translation>
    </message>
    <message>
        <source>Type the amount received in euros.</source>
        <translation>Typ het ontvangen bedrag in euro.</translation>
    </message>
    <message>
        <source>{received} received is less than the total {total}: {short} short.</source>
        <translation>{received} ontvangen is minder dan het totaal {total}: {short} te weinig.</translation>
    </message>
    <message>
        <source>A kind of staff is paid, volunteer, placement (work placement or participation) or trainee.</source>
        <translation>Een soort medewerker is paid (betaald), volunteer (vrijwilliger), placement (werkervaring of participatie) of trainee (stagiair).</translation>
    </message>
    <message>
        <source>Unknown colleague.</source>
        <translation>Onbekende collega.</translation>
    </message>
    <message>
        <source>No course {id} to cancel.</source>
        <translation>Geen cursus {id} om te annuleren.</translation>
    </message>
    <message>
        <source>A course is recorded on a day from 2000 up to today.</source>
        <translation>Een cursus wordt vastgelegd op een dag van 2000 tot en met vandaag.</translation>
    </message>
    <message>
        <source>The number of participants is 1 to {max}.</source>
        <translation>Het aantal deelnemers is 1 tot {max}.</translation>
    </message>
    <message>
        <source>A subject is 1 to {max} characters.</source>
        <translation>Een onderwerp heeft 1 tot {max} tekens.</translation>
    </message>
    <message>
        <source>Course {id} is cancelled already.</source>
        <translation>Cursus {id} is al geannuleerd.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an EU re-use category: textiles, eee, furniture, construction or other.</source>
        <translation>&apos;{text}&apos; is geen EU-hergebruikcategorie: textiles, eee, furniture, construction of other.</translation>
    </message>
    <message>
        <source>Item {code} has that already: there is nothing to correct.</source>
        <translation>Artikel {code} heeft dat al: er valt niets te corrigeren.</translation>
    </message>
    <message>
        <source>Pick the day of intake.</source>
        <translation>Kies de dag waarop het binnenkwam.</translation>
    </message>
    <message>
        <source>Search with the digits of a code only, like 123 (at most {most} digits).</source>
        <translation>Zoek alleen met de cijfers van een code, zoals 123 (hoogstens {most} cijfers).</translation>
    </message>
    <message>
        <source>The hub has no site {site}.</source>
        <translation>De hub heeft geen locatie {site}.</translation>
    </message>
    <message>
        <source>USB stick {label} is full. Nothing was saved.</source>
        <translation>USB-stick {label} is vol. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>The folder {folder} is full. Nothing was saved.</source>
        <translation>De map {folder} is vol. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>USB stick {label} is read-only. Nothing was saved.</source>
        <translation>USB-stick {label} is alleen-lezen. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to. Nothing was saved.</source>
        <translation>In de map {folder} mag niet geschreven worden. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>USB stick {label} is gone: was it pulled out? Nothing was saved.</source>
        <translation>USB-stick {label} is weg: is hij eruit getrokken? Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>The folder {folder} is not there. Nothing was saved.</source>
        <translation>De map {folder} is er niet. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>Could not save on USB stick {label} ({error}). Nothing was saved.</source>
        <translation>Opslaan op USB-stick {label} lukte niet ({error}). Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>Could not save in {folder} ({error}). Nothing was saved.</source>
        <translation>Opslaan in {folder} lukte niet ({error}). Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>Choose a folder, or tap Cancel.</source>
        <translation>Kies een map, of tik op Annuleren.</translation>
    </message>
    <message>
        <source>&apos;{folder}&apos; is not a full folder path (it starts with / or a drive).</source>
        <translation>&apos;{folder}&apos; is geen volledig pad van een map (dat begint met / of een stationsletter).</translation>
    </message>
    <message>
        <source>Type the day as DD-MM-YYYY, e.g. 14-03-2026.</source>
        <translation>Typ de dag als DD-MM-JJJJ, bijv. 14-03-2026.</translation>
    </message>
    <message>
        <source>There is no day {day}.</source>
        <translation>Dag {day} bestaat niet.</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Ambacht</source>
        <translation>Welkom bij Ambacht</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 8 digits for the coordinator. With it you add staff, categories and settings.</source>
        <translation>Kies een pincode van 4 tot 8 cijfers voor de coördinator. Daarmee voeg je medewerkers, categorieën en instellingen toe.</translation>
    </message>
    <message>
        <source>Enter the same PIN once more.</source>
        <translation>Voer dezelfde pincode nog een keer in.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>De twee pincodes verschillen. Begin opnieuw.</translation>
    </message>
</context>
<context>
    <name>FolderPanel</name>
    <message>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Type a folder…</source>
        <translation>Map intypen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Use this folder</source>
        <translation>Deze map gebruiken</translation>
    </message>
    <message>
        <source>USB stick {label}</source>
        <translation>USB-stick {label}</translation>
    </message>
    <message>
        <source>Home folder</source>
        <translation>Persoonlijke map</translation>
    </message>
    <message>
        <source>Documents folder</source>
        <translation>Map Documenten</translation>
    </message>
    <message>
        <source>Where is the folder? Tap a place, then the folders in it; then &apos;Use this folder&apos;.</source>
        <translation>Waar staat de map? Tik een plek aan, dan de mappen erin; dan &apos;Deze map gebruiken&apos;.</translation>
    </message>
    <message>
        <source>In {folder}</source>
        <translation>In {folder}</translation>
    </message>
    <message>
        <source>In {folder} (no folders in it)</source>
        <translation>In {folder} (er staan geen mappen in)</translation>
    </message>
    <message>
        <source>These are the places to start</source>
        <translation>Dit zijn de plekken om te beginnen</translation>
    </message>
    <message>
        <source>Tap a place first</source>
        <translation>Tik eerst een plek aan</translation>
    </message>
    <message>
        <source>Folder (full path, like /media/stick/backups)</source>
        <translation>Map (volledig pad, zoals /media/stick/backups)</translation>
    </message>
</context>
<context>
    <name>GateScreen</name>
    <message>
        <source>Undo last</source>
        <translation>Laatste ongedaan</translation>
    </message>
    <message>
        <source>Label again</source>
        <translation>Label opnieuw</translation>
    </message>
    <message>
        <source>End visit</source>
        <translation>Bezoek afronden</translation>
    </message>
    <message>
        <source>End visit {code}? {count} taken in.</source>
        <translation>Bezoek {code} afronden? {count} ingenomen.</translation>
    </message>
    <message>
        <source>Yes, it is right</source>
        <translation>Ja, het klopt</translation>
    </message>
    <message>
        <source>No, change it</source>
        <translation>Nee, wijzigen</translation>
    </message>
    <message>
        <source>{code} saved · {summary} · printing label…</source>
        <translation>{code} opgeslagen · {summary} · label wordt geprint…</translation>
    </message>
    <message>
        <source>Wrong category</source>
        <translation>Verkeerde categorie</translation>
    </message>
    <message>
        <source>Wrong weight</source>
        <translation>Verkeerd gewicht</translation>
    </message>
    <message>
        <source>Wrong route</source>
        <translation>Verkeerde route</translation>
    </message>
    <message>
        <source>Entered twice</source>
        <translation>Dubbel ingevoerd</translation>
    </message>
    <message>
        <source>Resident took it back</source>
        <translation>Bewoner nam het weer mee</translation>
    </message>
    <message>
        <source>Undo {code} ({summary})? Choose why.</source>
        <translation>{code} ({summary}) ongedaan maken? Kies waarom.</translation>
    </message>
    <message>
        <source>No label yet in this visit</source>
        <translation>Nog geen label in dit bezoek</translation>
    </message>
    <message>
        <source>Visit {code} ended · {count}</source>
        <translation>Bezoek {code} afgerond · {count}</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>Bezoek annuleren</translation>
    </message>
    <message>
        <source>Cancel visit {code}? It was started by mistake and will not count as a visitor.</source>
        <translation>Bezoek {code} annuleren? Het is per ongeluk gestart en telt niet als bezoeker.</translation>
    </message>
    <message>
        <source>Yes, cancel the visit</source>
        <translation>Ja, annuleer het bezoek</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Nee, houd het</translation>
    </message>
    <message>
        <source>Visit {code} cancelled.</source>
        <translation>Bezoek {code} geannuleerd.</translation>
    </message>
    <message>
        <source>Code…</source>
        <translation>Code…</translation>
    </message>
    <message>
        <source>Yes, end it</source>
        <translation>Ja, afronden</translation>
    </message>
    <message>
        <source>No, go on</source>
        <translation>Nee, doorgaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>{code} undone ({reason}).</source>
        <translation>{code} ongedaan gemaakt ({reason}).</translation>
    </message>
    <message>
        <source>Print which label again?</source>
        <translation>Welk label opnieuw printen?</translation>
    </message>
    <message>
        <source>{code} saved · {summary} · label printed.</source>
        <translation>{code} opgeslagen · {summary} · label geprint.</translation>
    </message>
    <message>
        <source>{error} {code} is saved; tap &apos;{button}&apos; to try its label again.</source>
        <translation>{error} {code} is bewaard; tik op &apos;{button}&apos; om het label opnieuw te proberen.</translation>
    </message>
    <message>
        <source>Today: {items} · {weight} · {visits}</source>
        <translation>Vandaag: {items} · {weight} · {visits}</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artikelen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visits</source>
        <translation>
            <numerusform>%n bezoek</numerusform>
            <numerusform>%n bezoeken</numerusform>
        </translation>
    </message>
    <message>
        <source>Visit {code} · {where} · {count}</source>
        <translation>Bezoek {code} · {where} · {count}</translation>
    </message>
    <message>
        <source>municipality unknown</source>
        <translation>gemeente onbekend</translation>
    </message>
    <message>
        <source>Visit {code} is still open ({count}). Is this resident still here?</source>
        <translation>Bezoek {code} staat nog open ({count}). Is deze bewoner er nog?</translation>
    </message>
    <message>
        <source>Yes, continue it</source>
        <translation>Ja, ga verder</translation>
    </message>
    <message>
        <source>No, end it</source>
        <translation>Nee, rond het af</translation>
    </message>
    <message>
        <source>{code} was voided: it gets no label.</source>
        <translation>{code} is vervallen: het krijgt geen label.</translation>
    </message>
    <message>
        <source>Label {code} sent again.</source>
        <translation>Label {code} opnieuw gestuurd.</translation>
    </message>
</context>
<context>
    <name>GuideBar</name>
    <message>
        <source>Add the coaches, the workshop and the shop, each with their own PIN.</source>
        <translation>Voeg de coaches, de werkplaats en de winkel toe, elk met een eigen pincode.</translation>
    </message>
    <message>
        <source>Add the municipalities your residents come from: the gate asks for them.</source>
        <translation>Voeg de gemeenten toe waar uw bewoners vandaan komen: de poort vraagt ernaar.</translation>
    </message>
    <message>
        <source>Choose the label printer and print a test label. Then the gate opens.</source>
        <translation>Kies de labelprinter en print een testlabel. Daarna opent de poort.</translation>
    </message>
    <message>
        <source>Step {n} of {total}: {what}</source>
        <translation>Stap {n} van {total}: {what}</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
</context>
<context>
    <name>HubSection</name>
    <message>
        <source>Join a hub</source>
        <translation>Koppelen</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>This station works on its own: it has not joined a hub.</source>
        <translation>Dit station werkt alleen: het is niet gekoppeld aan een hub.</translation>
    </message>
    <message>
        <source>To join, ask the coordinator for a join code (&apos;ambacht hub invite --site NAME&apos;) and tap &apos;Join a hub&apos;.</source>
        <translation>Vraag om te koppelen de coördinator om een koppelcode (&apos;ambacht hub invite --site NAAM&apos;) en tik op &apos;Koppelen&apos;.</translation>
    </message>
    <message>
        <source>Offline since {when}</source>
        <translation>Offline sinds {when}</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Last contact with the hub: {when}</source>
        <translation>Laatste contact met de hub: {when}</translation>
    </message>
    <message>
        <source>No contact with the hub yet</source>
        <translation>Nog geen contact met de hub</translation>
    </message>
    <message>
        <source>Steps waiting to be sent: {count}</source>
        <translation>Te versturen stappen: {count}</translation>
    </message>
    <message>
        <source>settings waiting to be sent</source>
        <translation>instellingen te versturen</translation>
    </message>
    <message>
        <source>Site: {site}</source>
        <translation>Locatie: {site}</translation>
    </message>
    <message>
        <source>This station&apos;s letter: {letter}</source>
        <translation>Letter van dit station: {letter}</translation>
    </message>
    <message>
        <source>Hub: {hub}</source>
        <translation>Hub: {hub}</translation>
    </message>
    <message>
        <source>Join code: type it, or scan its QR code</source>
        <translation>Koppelcode: typ hem in, of scan de QR-code</translation>
    </message>
    <message>
        <source>Site name (as on the hub)</source>
        <translation>Naam van de locatie (zoals op de hub)</translation>
    </message>
    <message>
        <source>Join site {site} as a station of it? This station&apos;s history goes up to the hub.</source>
        <translation>Dit station koppelen aan locatie {site}? De geschiedenis van dit station gaat naar de hub.</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Koppelen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Joining the hub…</source>
        <translation>Koppelen met de hub…</translation>
    </message>
    <message>
        <source>Bringing the site&apos;s history in…</source>
        <translation>De geschiedenis van de locatie binnenhalen…</translation>
    </message>
    <message>
        <source>Joined: this is station {letter}. The site&apos;s history comes in now.</source>
        <translation>Gekoppeld: dit is station {letter}. De geschiedenis van de locatie komt nu binnen.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <source>Syncing: {received} steps in, {sent} sent so far…</source>
        <translation>Synchroniseren: tot nu toe {received} stappen binnen, {sent} verstuurd…</translation>
    </message>
    <message>
        <source>Sent: {sent}. Received: {received}.</source>
        <translation>Verstuurd: {sent}. Ontvangen: {received}.</translation>
    </message>
    <message>
        <source>{events} steps, {visits} visits, {shipments} delivery notes, {config} settings and lists</source>
        <translation>{events} stappen, {visits} bezoeken, {shipments} afleverbonnen, {config} instellingen en lijsten</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. The log has the details.</source>
        <translation>Er ging onverwacht iets mis; er is niets veranderd. Het logboek heeft de details.</translation>
    </message>
</context>
<context>
    <name>ItemActions</name>
    <message>
        <source>New route for {code}</source>
        <translation>Nieuwe route voor {code}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Why another route?</source>
        <translation>Waarom een andere route?</translation>
    </message>
    <message>
        <source>It is broken</source>
        <translation>Het is kapot</translation>
    </message>
    <message>
        <source>It works after all</source>
        <translation>Het werkt toch</translation>
    </message>
    <message>
        <source>Wrong route</source>
        <translation>Verkeerde route</translation>
    </message>
    <message>
        <source>Route of {code} changed.</source>
        <translation>Route van {code} gewijzigd.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Cancel the last step</source>
        <translation>Laatste stap annuleren</translation>
    </message>
    <message>
        <source>What is wrong with {code}?</source>
        <translation>Wat klopt er niet aan {code}?</translation>
    </message>
    <message>
        <source>The right category for {code}</source>
        <translation>De juiste categorie voor {code}</translation>
    </message>
    <message>
        <source>Why another category?</source>
        <translation>Waarom een andere categorie?</translation>
    </message>
    <message>
        <source>Wrong tile tapped</source>
        <translation>Verkeerde tegel getikt</translation>
    </message>
    <message>
        <source>Seen better now</source>
        <translation>Nu beter bekeken</translation>
    </message>
    <message>
        <source>Category of {code} corrected.</source>
        <translation>Categorie van {code} gecorrigeerd.</translation>
    </message>
    <message>
        <source>The right weight of {code} (now {weight})</source>
        <translation>Het juiste gewicht van {code} (nu {weight})</translation>
    </message>
    <message>
        <source>Why another weight?</source>
        <translation>Waarom een ander gewicht?</translation>
    </message>
    <message>
        <source>Typed wrong</source>
        <translation>Verkeerd getypt</translation>
    </message>
    <message>
        <source>Weighed again</source>
        <translation>Opnieuw gewogen</translation>
    </message>
    <message>
        <source>Weight of {code} corrected.</source>
        <translation>Gewicht van {code} gecorrigeerd.</translation>
    </message>
    <message>
        <source>Cancel the last step of {code}? Choose why.</source>
        <translation>De laatste stap van {code} annuleren? Kies waarom.</translation>
    </message>
    <message>
        <source>Wrong item scanned</source>
        <translation>Verkeerd artikel gescand</translation>
    </message>
    <message>
        <source>Entered twice</source>
        <translation>Dubbel ingevoerd</translation>
    </message>
    <message>
        <source>The last step of {code} was cancelled.</source>
        <translation>De laatste stap van {code} is geannuleerd.</translation>
    </message>
    <message>
        <source>Void {code}? Choose why.</source>
        <translation>{code} laten vervallen? Kies waarom.</translation>
    </message>
    <message>
        <source>Resident took it back</source>
        <translation>Bewoner nam het weer mee</translation>
    </message>
    <message>
        <source>Not a donation</source>
        <translation>Geen donatie</translation>
    </message>
    <message>
        <source>{code} voided.</source>
        <translation>{code} is vervallen.</translation>
    </message>
    <message>
        <source>{done} The label on it is no longer right: print a new one?</source>
        <translation>{done} Het label erop klopt niet meer: een nieuw label printen?</translation>
    </message>
    <message>
        <source>Yes, new label</source>
        <translation>Ja, nieuw label</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Sale</source>
        <translation>Verkoop</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparatie</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Vervallen</translation>
    </message>
    <message>
        <source>At the centre</source>
        <translation>In het centrum</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>In reparatie</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkocht</translation>
    </message>
    <message>
        <source>Left as material</source>
        <translation>Weg als materiaal</translation>
    </message>
    <message>
        <source>Used in a new product</source>
        <translation>Verwerkt in een nieuw product</translation>
    </message>
    <message>
        <source>Now: {status}</source>
        <translation>Nu: {status}</translation>
    </message>
    <message>
        <source>Route: {route}</source>
        <translation>Route: {route}</translation>
    </message>
    <message>
        <source>Price: {price}</source>
        <translation>Prijs: {price}</translation>
    </message>
    <message>
        <source>Safety test: passed</source>
        <translation>Veiligheidstest: goedgekeurd</translation>
    </message>
    <message>
        <source>Safety test: failed</source>
        <translation>Veiligheidstest: afgekeurd</translation>
    </message>
    <message>
        <source>Safety test: not done</source>
        <translation>Veiligheidstest: niet gedaan</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Reden: {reason}</translation>
    </message>
    <message>
        <source>[cancelled] {line}</source>
        <translation>[geannuleerd] {line}</translation>
    </message>
    <message>
        <source>[conflict, not counted] {line}</source>
        <translation>[conflict, telt niet mee] {line}</translation>
    </message>
    <message>
        <source>[needs a newer Ambacht] a step of station {station} this version cannot show; it counts once this PC is updated</source>
        <translation>[nieuwere Ambacht nodig] een stap van station {station} die deze versie niet kan tonen; hij telt mee zodra deze pc is bijgewerkt</translation>
    </message>
    <message>
        <source>Made from {codes}</source>
        <translation>Gemaakt van {codes}</translation>
    </message>
    <message>
        <source>Labelled in the shop</source>
        <translation>Gelabeld in de winkel</translation>
    </message>
    <message>
        <source>Weighed out as a batch of material</source>
        <translation>Afgewogen als partij materiaal</translation>
    </message>
    <message>
        <source>Taken in at the gate, route {route}</source>
        <translation>Ingenomen aan de poort, route {route}</translation>
    </message>
    <message>
        <source>Route changed to {route}</source>
        <translation>Route gewijzigd naar {route}</translation>
    </message>
    <message>
        <source>Repair started</source>
        <translation>Reparatie gestart</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>gerepareerd</translation>
    </message>
    <message>
        <source>repairable</source>
        <translation>later te repareren</translation>
    </message>
    <message>
        <source>end of life</source>
        <translation>einde levensduur</translation>
    </message>
    <message>
        <source>Repair finished: {outcome}</source>
        <translation>Reparatie klaar: {outcome}</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Safety test passed</source>
        <translation>Veiligheidstest goedgekeurd</translation>
    </message>
    <message>
        <source>Safety test failed</source>
        <translation>Veiligheidstest afgekeurd</translation>
    </message>
    <message>
        <source>Price set to {price}</source>
        <translation>Prijs gezet op {price}</translation>
    </message>
    <message>
        <source>Sold for {price}</source>
        <translation>Verkocht voor {price}</translation>
    </message>
    <message>
        <source>Taken back; {price} refunded</source>
        <translation>Teruggenomen; {price} terugbetaald</translation>
    </message>
    <message>
        <source>To {recipient} (delivery note {note})</source>
        <translation>Naar {recipient} (afleverbon {note})</translation>
    </message>
    <message>
        <source>Used to make {code}</source>
        <translation>Gebruikt voor {code}</translation>
    </message>
    <message>
        <source>Correction: the step before was cancelled</source>
        <translation>Correctie: de stap ervoor is geannuleerd</translation>
    </message>
    <message>
        <source>Corrected from {old} · {old_weight} to {new} · {weight}</source>
        <translation>Gecorrigeerd van {old} · {old_weight} naar {new} · {weight}</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>Label again</source>
        <translation>Opnieuw labelen</translation>
    </message>
    <message>
        <source>Change route</source>
        <translation>Route wijzigen</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Laten vervallen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Corrigeren</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Laatste cijfer wissen</translation>
    </message>
</context>
<context>
    <name>KeypadPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>LabelPrinterSection</name>
    <message>
        <source>Change</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Testafdruk</translation>
    </message>
    <message>
        <source>Brother QL, 62 mm roll cut at 29 mm</source>
        <translation>Brother QL, rol van 62 mm, afgesneden op 29 mm</translation>
    </message>
    <message>
        <source>57 x 32 mm thermal labels</source>
        <translation>Thermische labels van 57 x 32 mm</translation>
    </message>
    <message>
        <source>Zebra / Dymo labels, 102 x 51 mm</source>
        <translation>Zebra-/Dymo-labels van 102 x 51 mm</translation>
    </message>
    <message>
        <source>A4 sheet of 3 x 8 labels of 70 x 37 mm</source>
        <translation>A4-vel met 3 x 8 labels van 70 x 37 mm</translation>
    </message>
    <message>
        <source>CUPS printer queue</source>
        <translation>CUPS-printerwachtrij</translation>
    </message>
    <message>
        <source>System printer (Windows)</source>
        <translation>Systeemprinter (Windows)</translation>
    </message>
    <message>
        <source>Zebra printer on the network (ZPL)</source>
        <translation>Zebra-printer in het netwerk (ZPL)</translation>
    </message>
    <message>
        <source>No printer: PDF files</source>
        <translation>Geen printer: PDF-bestanden</translation>
    </message>
    <message>
        <source>PDF files in {folder}</source>
        <translation>PDF-bestanden in {folder}</translation>
    </message>
    <message>
        <source>Printer: {kind} · {where}</source>
        <translation>Printer: {kind} · {where}</translation>
    </message>
    <message>
        <source>Print head: {dpi} dpi</source>
        <translation>Printkop: {dpi} dpi</translation>
    </message>
    <message>
        <source>Label size: {value}</source>
        <translation>Labelformaat: {value}</translation>
    </message>
    <message>
        <source>Labels per item: {value}</source>
        <translation>Labels per artikel: {value}</translation>
    </message>
    <message numerus="yes">
        <source>%n labels waiting for the printer</source>
        <translation>
            <numerusform>%n label wacht op de printer</numerusform>
            <numerusform>%n labels wachten op de printer</numerusform>
        </translation>
    </message>
    <message>
        <source>Till receipts: {where}</source>
        <translation>Kassabonnen: {where}</translation>
    </message>
    <message>
        <source>No receipts</source>
        <translation>Geen bonnen</translation>
    </message>
    <message>
        <source>On the label printer</source>
        <translation>Op de labelprinter</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS) through a CUPS raw queue</source>
        <translation>Bonprinter (ESC/POS) via een CUPS-wachtrij (raw)</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS) on the network</source>
        <translation>Bonprinter (ESC/POS) in het netwerk</translation>
    </message>
    <message>
        <source>Kind of printer</source>
        <translation>Soort printer</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Labelformaat</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Till receipts</source>
        <translation>Kassabonnen</translation>
    </message>
    <message>
        <source>Labels per item</source>
        <translation>Labels per artikel</translation>
    </message>
    <message>
        <source>This computer lists no printers of that kind.</source>
        <translation>Deze computer kent geen printers van die soort.</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Host name or IP address of the Zebra printer</source>
        <translation>Hostnaam of IP-adres van de Zebra-printer</translation>
    </message>
    <message>
        <source>Host name or IP address of the receipt printer</source>
        <translation>Hostnaam of IP-adres van de bonprinter</translation>
    </message>
    <message>
        <source>Network port (usually {port})</source>
        <translation>Netwerkpoort (meestal {port})</translation>
    </message>
    <message>
        <source>Resolution of the print head</source>
        <translation>Resolutie van de printkop</translation>
    </message>
    <message>
        <source>{dpi} dpi</source>
        <translation>{dpi} dpi</translation>
    </message>
    <message>
        <source>Saved. Labels waiting go to this printer now.</source>
        <translation>Opgeslagen. Wachtende labels gaan nu naar deze printer.</translation>
    </message>
    <message>
        <source>Test label</source>
        <translation>Testlabel</translation>
    </message>
    <message>
        <source>Printing a test label…</source>
        <translation>Testlabel wordt geprint…</translation>
    </message>
    <message>
        <source>Test label printed: {where}</source>
        <translation>Testlabel geprint: {where}</translation>
    </message>
    <message>
        <source>Test print failed. {error}</source>
        <translation>Testafdruk mislukt. {error}</translation>
    </message>
</context>
<context>
    <name>LiveWeight</name>
    <message>
        <source>Saved — take the item off the scale</source>
        <translation>Opgeslagen — haal het artikel van de weegschaal</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Nul</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tarra</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Enter your PIN</source>
        <translation>Voer je pincode in</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {wait}.</source>
        <translation>Te vaak een verkeerde pincode. Probeer het over {wait} opnieuw.</translation>
    </message>
    <message>
        <source>Log in first, then scan {code} again.</source>
        <translation>Log eerst in en scan {code} dan opnieuw.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ambacht</source>
        <translation>Ambacht</translation>
    </message>
    <message>
        <source>The backup failed: {error}</source>
        <translation>De back-up is mislukt: {error}</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Poort</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Werkplaats</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Material out</source>
        <translation>Materiaal weg</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Let op</translation>
    </message>
    <message>
        <source>Code not recognised, scan again</source>
        <translation>Code niet herkend, scan opnieuw</translation>
    </message>
    <message>
        <source>Your account was changed by the coordinator. Log in again, or ask the coordinator.</source>
        <translation>De coördinator heeft je account gewijzigd. Log opnieuw in, of vraag het de coördinator.</translation>
    </message>
</context>
<context>
    <name>MaterialScreen</name>
    <message>
        <source>Add a weighed batch</source>
        <translation>Gewogen partij toevoegen</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Opnieuw beginnen</translation>
    </message>
    <message>
        <source>Send out and print note</source>
        <translation>Meegeven en bon printen</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>partij</translation>
    </message>
    <message>
        <source>Total {weight}</source>
        <translation>Totaal {weight}</translation>
    </message>
    <message>
        <source>{code} is on the note already.</source>
        <translation>{code} staat al op de bon.</translation>
    </message>
    <message>
        <source>Which material?</source>
        <translation>Welk materiaal?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>There are no recipients yet. The coordinator adds them under Settings.</source>
        <translation>Er zijn nog geen afnemers. De coördinator voegt ze toe bij Instellingen.</translation>
    </message>
    <message>
        <source>Who takes it?</source>
        <translation>Wie neemt het mee?</translation>
    </message>
    <message>
        <source>Delivery note {code}: {weight} to {recipient}.</source>
        <translation>Afleverbon {code}: {weight} naar {recipient}.</translation>
    </message>
    <message>
        <source>Empty the list? Nothing has been sent.</source>
        <translation>Lijst leegmaken? Er is nog niets meegegeven.</translation>
    </message>
    <message>
        <source>Yes, empty it</source>
        <translation>Ja, leegmaken</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Nee, bewaren</translation>
    </message>
    <message>
        <source>Material out</source>
        <translation>Materiaal weg</translation>
    </message>
    <message>
        <source>Scan each item that leaves, or add a weighed batch. Tap a line to take it off. Then send it all to one recipient.</source>
        <translation>Scan elk artikel dat weggaat, of voeg een gewogen partij toe. Tik op een regel om die weg te halen. Verstuur daarna alles naar één afnemer.</translation>
    </message>
    <message>
        <source>Scan an item or add a batch first</source>
        <translation>Scan eerst een artikel of voeg een partij toe</translation>
    </message>
    <message>
        <source>Taken off the list, no longer at the centre: {codes}</source>
        <translation>Van de lijst gehaald, niet meer in het centrum: {codes}</translation>
    </message>
    <message>
        <source>The list from before is kept: {count}.</source>
        <translation>De lijst van eerder staat er nog: {count}.</translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n regel</numerusform>
            <numerusform>%n regels</numerusform>
        </translation>
    </message>
    <message>
        <source>{code} is meant for the shop, not for material. Send it out as material anyway?</source>
        <translation>{code} is bedoeld voor de winkel, niet als materiaal. Toch als materiaal meegeven?</translation>
    </message>
    <message>
        <source>{code} is waiting for repair, not for material. Send it out as material anyway?</source>
        <translation>{code} wacht op reparatie, het is niet bedoeld als materiaal. Toch als materiaal meegeven?</translation>
    </message>
    <message>
        <source>Yes, add it</source>
        <translation>Ja, toevoegen</translation>
    </message>
    <message>
        <source>No, leave it</source>
        <translation>Nee, niet toevoegen</translation>
    </message>
    <message>
        <source>Take this line off the list?
{line}</source>
        <translation>Deze regel van de lijst halen?
{line}</translation>
    </message>
    <message>
        <source>Yes, take it off</source>
        <translation>Ja, weghalen</translation>
    </message>
    <message>
        <source>{material}: weight of the batch</source>
        <translation>{material}: gewicht van de partij</translation>
    </message>
    <message>
        <source>To {recipient}: {lines} · {weight}</source>
        <translation>Naar {recipient}: {lines} · {weight}</translation>
    </message>
    <message>
        <source>Not meant for material: {codes}</source>
        <translation>Niet bedoeld als materiaal: {codes}</translation>
    </message>
    <message>
        <source>Send and print note</source>
        <translation>Meegeven en bon printen</translation>
    </message>
    <message>
        <source>No, back</source>
        <translation>Nee, terug</translation>
    </message>
</context>
<context>
    <name>NamesSection</name>
    <message>
        <source>Added.</source>
        <translation>Toegevoegd.</translation>
    </message>
    <message>
        <source>reuse</source>
        <translation>hergebruik</translation>
    </message>
    <message>
        <source>recycling</source>
        <translation>recycling</translation>
    </message>
    <message>
        <source>residual waste</source>
        <translation>restafval</translation>
    </message>
    <message>
        <source>Name of the recipient (recycler, school, sorter)</source>
        <translation>Naam van de afnemer (recycler, school, sorteerder)</translation>
    </message>
    <message>
        <source>Name of the municipality</source>
        <translation>Naam van de gemeente</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>What does {name} do with the material?</source>
        <translation>Wat doet {name} met het materiaal?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>NetworkFigures</name>
    <message>
        <source>Every site&apos;s figures could not be read: see the log.</source>
        <translation>De cijfers van alle locaties konden niet worden gelezen: zie het logboek.</translation>
    </message>
    <message>
        <source>The baseline and the targets are each site&apos;s: choose &apos;This site&apos;.</source>
        <translation>Nulmeting en doelen zijn per locatie: kies &apos;Deze locatie&apos;.</translation>
    </message>
    <message>
        <source>Reading every site&apos;s figures from the hub…</source>
        <translation>Cijfers van alle locaties ophalen bij de hub…</translation>
    </message>
    <message>
        <source>The hub cannot be reached. No figures of all sites yet.</source>
        <translation>De hub is niet bereikbaar. Nog geen cijfers van alle locaties.</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Figures of {time}.</source>
        <translation>De hub is niet bereikbaar. Cijfers van {time}.</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s), figures of the hub of {time}</source>
        <translation>
            <numerusform>%n locatie, cijfers van de hub van {time}</numerusform>
            <numerusform>%n locaties, cijfers van de hub van {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without figures yet</source>
        <translation>
            <numerusform>%n nog zonder cijfers</numerusform>
            <numerusform>%n nog zonder cijfers</numerusform>
        </translation>
    </message>
    <message>
        <source>reading again…</source>
        <translation>opnieuw ophalen…</translation>
    </message>
    <message>
        <source>Every site&apos;s figures are not read yet.</source>
        <translation>De cijfers van alle locaties zijn nog niet opgehaald.</translation>
    </message>
</context>
<context>
    <name>Ords</name>
    <message>
        <source>Aircon / dehumidifier</source>
        <translation>Airco / luchtontvochtiger</translation>
    </message>
    <message>
        <source>Battery / charger / adapter</source>
        <translation>Batterij / oplader / adapter</translation>
    </message>
    <message>
        <source>Decorative or safety lights</source>
        <translation>Sier- of veiligheidsverlichting</translation>
    </message>
    <message>
        <source>Desktop computer</source>
        <translation>Desktopcomputer</translation>
    </message>
    <message>
        <source>Digital compact camera</source>
        <translation>Digitale compactcamera</translation>
    </message>
    <message>
        <source>DSLR / video camera</source>
        <translation>Spiegelreflex- / videocamera</translation>
    </message>
    <message>
        <source>Fan</source>
        <translation>Ventilator</translation>
    </message>
    <message>
        <source>Flat screen</source>
        <translation>Platte tv / monitor</translation>
    </message>
    <message>
        <source>Hair &amp; beauty item</source>
        <translation>Haar- en schoonheidsapparaat</translation>
    </message>
    <message>
        <source>Handheld entertainment device</source>
        <translation>Draagbare spel- of mediaspeler</translation>
    </message>
    <message>
        <source>Headphones</source>
        <translation>Koptelefoon</translation>
    </message>
    <message>
        <source>Hi-Fi integrated</source>
        <translation>Hifi-set (geïntegreerd)</translation>
    </message>
    <message>
        <source>Hi-Fi separates</source>
        <translation>Hifi-losse componenten</translation>
    </message>
    <message>
        <source>Kettle</source>
        <translation>Waterkoker</translation>
    </message>
    <message>
        <source>Lamp</source>
        <translation>Lamp</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Large home electrical</source>
        <translation>Groot huishoudelijk apparaat</translation>
    </message>
    <message>
        <source>Misc</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobiele telefoon</translation>
    </message>
    <message>
        <source>Musical instrument</source>
        <translation>Muziekinstrument</translation>
    </message>
    <message>
        <source>Paper shredder</source>
        <translation>Papierversnipperaar</translation>
    </message>
    <message>
        <source>PC Accessory</source>
        <translation>Computeraccessoire</translation>
    </message>
    <message>
        <source>Portable radio</source>
        <translation>Draagbare radio</translation>
    </message>
    <message>
        <source>Power tool</source>
        <translation>Elektrisch gereedschap</translation>
    </message>
    <message>
        <source>Printer / scanner</source>
        <translation>Printer / scanner</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>Sewing machine</source>
        <translation>Naaimachine</translation>
    </message>
    <message>
        <source>Small home electrical</source>
        <translation>Klein huishoudelijk apparaat</translation>
    </message>
    <message>
        <source>Small kitchen item</source>
        <translation>Klein keukenapparaat</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablet</translation>
    </message>
    <message>
        <source>Toaster</source>
        <translation>Broodrooster</translation>
    </message>
    <message>
        <source>Toy</source>
        <translation>Speelgoed</translation>
    </message>
    <message>
        <source>TV and gaming-related accessories</source>
        <translation>Tv- en game-accessoires</translation>
    </message>
    <message>
        <source>Vacuum</source>
        <translation>Stofzuiger</translation>
    </message>
    <message>
        <source>Watch / clock</source>
        <translation>Horloge / klok</translation>
    </message>
    <message>
        <source>Coffee Maker</source>
        <translation>Koffiezetapparaat</translation>
    </message>
    <message>
        <source>Food processor</source>
        <translation>Keukenmachine</translation>
    </message>
    <message>
        <source>Games console</source>
        <translation>Spelcomputer</translation>
    </message>
    <message>
        <source>Hair dryer</source>
        <translation>Föhn</translation>
    </message>
    <message>
        <source>Iron</source>
        <translation>Strijkijzer</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Type your PIN first: at least {n} digits</source>
        <translation>Tik eerst je pincode: minstens {n} cijfers</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>The label printer does not answer: switch it on and check its cable.</source>
        <translation>De labelprinter reageert niet: zet hem aan en controleer de kabel.</translation>
    </message>
    <message>
        <source>The label printer is out of labels: put in a new roll.</source>
        <translation>De labelprinter heeft geen etiketten meer: plaats een nieuwe rol.</translation>
    </message>
    <message>
        <source>The label printer is open: close its lid.</source>
        <translation>De labelprinter staat open: doe de klep dicht.</translation>
    </message>
    <message>
        <source>The label printer is paused: press its pause key, or ask the coordinator.</source>
        <translation>De labelprinter staat op pauze: druk op de pauzetoets of vraag de coördinator.</translation>
    </message>
    <message>
        <source>The label printer is not set up right: ask the coordinator.</source>
        <translation>De labelprinter is niet goed ingesteld: vraag de coördinator.</translation>
    </message>
    <message>
        <source>The label printer reports an error: switch it off and on again.</source>
        <translation>De labelprinter meldt een fout: zet hem uit en weer aan.</translation>
    </message>
    <message>
        <source>The receipt printer does not answer: switch it on and tap {button} again.</source>
        <translation>De bonprinter reageert niet: zet hem aan en tik opnieuw op {button}.</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper: put in a new roll and tap {button} again.</source>
        <translation>De bonprinter heeft geen papier meer: plaats een nieuwe rol en tik opnieuw op {button}.</translation>
    </message>
    <message>
        <source>The receipt printer is open: close its lid and tap {button} again.</source>
        <translation>De bonprinter staat open: doe de klep dicht en tik opnieuw op {button}.</translation>
    </message>
    <message>
        <source>The receipt printer is paused: ask the coordinator.</source>
        <translation>De bonprinter staat op pauze: vraag de coördinator.</translation>
    </message>
    <message>
        <source>The receipt printer is not set up right: ask the coordinator.</source>
        <translation>De bonprinter is niet goed ingesteld: vraag de coördinator.</translation>
    </message>
    <message>
        <source>The receipt printer reports an error: switch it off and on, then tap {button} again.</source>
        <translation>De bonprinter meldt een fout: zet hem uit en aan en tik opnieuw op {button}.</translation>
    </message>
</context>
<context>
    <name>PrinterWords</name>
    <message numerus="yes">
        <source>%n labels waiting</source>
        <translation>
            <numerusform>%n label wacht</numerusform>
            <numerusform>%n labels wachten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Other…</source>
        <translation>Anders…</translation>
    </message>
    <message>
        <source>No names, please: a reason can be printed in a report.</source>
        <translation>Geen namen graag: een reden kan in een rapport komen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>receipt</source>
        <translation>bon</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Bon</translation>
    </message>
</context>
<context>
    <name>RecoveryScreen</name>
    <message>
        <source>Ambacht cannot open its database</source>
        <translation>Ambacht kan zijn database niet openen</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Bestand: {path}</translation>
    </message>
    <message>
        <source>Ask the coordinator or IT support to move the file named above out of the folder, then start Ambacht again. The database itself was not changed.</source>
        <translation>Vraag de coördinator of de ICT-ondersteuning het hierboven genoemde bestand uit de map te zetten en start Ambacht daarna opnieuw. De database zelf is niet veranderd.</translation>
    </message>
    <message>
        <source>Restore the newest backup that is complete. The current file is kept beside it, so nothing is deleted.</source>
        <translation>Zet de nieuwste volledige back-up terug. Het huidige bestand blijft ernaast bewaard, er wordt dus niets verwijderd.</translation>
    </message>
    <message>
        <source>No backups were found beside the database or in the backup folder. Ask the coordinator or IT support for help.</source>
        <translation>Er zijn geen back-ups gevonden naast de database of in de back-upmap. Vraag de coördinator of de ICT-ondersteuning om hulp.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Install the newest version of Ambacht on this computer, then start it again. The file is left exactly as it is.</source>
        <translation>Installeer de nieuwste versie van Ambacht op deze computer en start hem opnieuw. Het bestand blijft precies zoals het is.</translation>
    </message>
    <message>
        <source>Ask the coordinator or IT support to remove the database&apos;s other name, keeping the one named above, then start Ambacht again. The database itself was not changed.</source>
        <translation>Vraag de coördinator of IT-ondersteuning de andere naam van de database te verwijderen en de naam hierboven te houden, en start Ambacht opnieuw. De database zelf is niet veranderd.</translation>
    </message>
    <message>
        <source>Backup of {when}: cannot be read</source>
        <translation>Back-up van {when}: niet leesbaar</translation>
    </message>
    <message numerus="yes">
        <source>Backup of {when} · %n item(s)</source>
        <translation>
            <numerusform>Back-up van {when} · %n artikel</numerusform>
            <numerusform>Back-up van {when} · %n artikelen</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore {name}? Items taken in after it was made are not in it; the current file is kept.</source>
        <translation>{name} terugzetten? Artikelen die daarna zijn ingenomen staan er niet in; het huidige bestand blijft bewaard.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>RepairFlowPanel</name>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>Stap {number}</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Stap {number} van {total}</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Afgekeurd</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Anders…</translation>
    </message>
    <message>
        <source>Not described</source>
        <translation>Niet beschreven</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Other product…</source>
        <translation>Ander product…</translation>
    </message>
    <message>
        <source>How did the repair of {code} end?</source>
        <translation>Hoe is de reparatie van {code} afgelopen?</translation>
    </message>
    <message>
        <source>Why can it not be repaired?</source>
        <translation>Waarom is het niet te repareren?</translation>
    </message>
    <message>
        <source>Electrical safety test</source>
        <translation>Elektrische veiligheidstest</translation>
    </message>
    <message>
        <source>Shop price (printed on the label)</source>
        <translation>Winkelprijs (komt op het label)</translation>
    </message>
    <message>
        <source>Minutes spent on the repair</source>
        <translation>Minuten aan de reparatie besteed</translation>
    </message>
    <message>
        <source>What was the problem?</source>
        <translation>Wat was het probleem?</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Merk</translation>
    </message>
    <message>
        <source>Year of manufacture</source>
        <translation>Bouwjaar</translation>
    </message>
    <message>
        <source>Which product is it?</source>
        <translation>Welk product is het?</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Gerepareerd</translation>
    </message>
    <message>
        <source>Repairable later</source>
        <translation>Later te repareren</translation>
    </message>
    <message>
        <source>End of life</source>
        <translation>Einde levensduur</translation>
    </message>
    <message>
        <source>test passed</source>
        <translation>test goedgekeurd</translation>
    </message>
    <message>
        <source>test failed</source>
        <translation>test afgekeurd</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>No names, please: the answers go into the repair records (ORDS export).</source>
        <translation>Geen namen graag: de antwoorden komen in de reparatiegegevens (ORDS-export).</translation>
    </message>
    <message>
        <source>Describe the problem: a powered product&apos;s repair record needs it.</source>
        <translation>Beschrijf het probleem: het reparatieverslag van een elektrisch product heeft het nodig.</translation>
    </message>
    <message>
        <source>Throw away the answers for {code}?</source>
        <translation>De antwoorden voor {code} weggooien?</translation>
    </message>
    <message>
        <source>Throw away</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Keep answering</source>
        <translation>Verder invullen</translation>
    </message>
    <message>
        <source>Repair of {code} not done yet: switch anyway?</source>
        <translation>Reparatie van {code} nog niet klaar: toch wisselen?</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Wisselen</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Blijven</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>USB stick {label}</source>
        <translation>USB-stick {label}</translation>
    </message>
    <message>
        <source>Documents folder on this computer</source>
        <translation>Documentenmap op deze computer</translation>
    </message>
    <message>
        <source>Folder {folder}</source>
        <translation>Map {folder}</translation>
    </message>
    <message>
        <source>Export the period as</source>
        <translation>De periode exporteren als</translation>
    </message>
    <message>
        <source>Workbook (XLSX)</source>
        <translation>Werkmap (XLSX)</translation>
    </message>
    <message>
        <source>Report (PDF)</source>
        <translation>Rapport (PDF)</translation>
    </message>
    <message>
        <source>Table (CSV)</source>
        <translation>Tabel (CSV)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Save the {kind} file where?</source>
        <translation>Waar het {kind}-bestand opslaan?</translation>
    </message>
    <message>
        <source>network-report-{first}-{last}</source>
        <translation>netwerk-rapport-{first}-{last}</translation>
    </message>
    <message>
        <source>report-{first}-{last}</source>
        <translation>rapport-{first}-{last}</translation>
    </message>
    <message>
        <source>Saved on USB stick {label}: {name}</source>
        <translation>Opgeslagen op USB-stick {label}: {name}</translation>
    </message>
    <message>
        <source>Saved in Ambacht&apos;s Documents folder: {name}</source>
        <translation>Opgeslagen in de map Documenten van Ambacht: {name}</translation>
    </message>
    <message>
        <source>Saved in the folder {folder}: {name}</source>
        <translation>Opgeslagen in de map {folder}: {name}</translation>
    </message>
</context>
<context>
    <name>RestoredBar</name>
    <message>
        <source>This PC was restored from a backup: first sync with the hub.</source>
        <translation>Deze PC is teruggezet uit een back-up: eerst synchroniseren met de hub.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
</context>
<context>
    <name>SavedCard</name>
    <message>
        <source>Stick the label on</source>
        <translation>Plak het label erop</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message numerus="yes">
        <source>%n other item(s) at the centre with this number: {codes}. Taken in twice?</source>
        <translation>
            <numerusform>Nog een item in het centrum heeft dit nummer: {codes}. Twee keer ingenomen?</numerusform>
            <numerusform>Nog %n items in het centrum hebben dit nummer: {codes}. Twee keer ingenomen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <source>Connecting to the scale…</source>
        <translation>Verbinden met de weegschaal…</translation>
    </message>
    <message>
        <source>Scale not answering — type the weight</source>
        <translation>Weegschaal antwoordt niet — typ het gewicht</translation>
    </message>
    <message>
        <source>Scale not connected — plug it in, or type the weight</source>
        <translation>Weegschaal niet aangesloten — sluit hem aan of typ het gewicht</translation>
    </message>
    <message>
        <source>Put the item on the scale</source>
        <translation>Leg het artikel op de weegschaal</translation>
    </message>
    <message>
        <source>Stable · converted from lb</source>
        <translation>Stabiel · omgerekend uit lb</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stabiel</translation>
    </message>
    <message>
        <source>Unstable — wait until the scale settles</source>
        <translation>Onstabiel — wacht tot de weegschaal stilstaat</translation>
    </message>
    <message>
        <source>Negative — empty the scale and tap Zero</source>
        <translation>Negatief — maak de weegschaal leeg en tik op Nul</translation>
    </message>
    <message>
        <source>Overload</source>
        <translation>Overbelast</translation>
    </message>
    <message>
        <source>Too heavy for the scale — type the weight</source>
        <translation>Te zwaar voor de weegschaal — typ het gewicht</translation>
    </message>
    <message>
        <source>Underload</source>
        <translation>Onderbelast</translation>
    </message>
    <message>
        <source>Below the scale&apos;s range — check the platform</source>
        <translation>Onder het bereik van de weegschaal — controleer het weegplateau</translation>
    </message>
    <message>
        <source>Scale error</source>
        <translation>Weegschaalfout</translation>
    </message>
    <message>
        <source>The scale reports an error — type the weight</source>
        <translation>De weegschaal meldt een fout — typ het gewicht</translation>
    </message>
    <message>
        <source>The scale is not found on {port}: plug it in, or choose its port.</source>
        <translation>De weegschaal is niet gevonden op {port}: sluit hem aan of kies de poort.</translation>
    </message>
    <message>
        <source>The scale was unplugged: plug it in and tap {button} again.</source>
        <translation>De weegschaal is losgekoppeld: sluit hem aan en tik opnieuw op {button}.</translation>
    </message>
    <message>
        <source>The scale&apos;s answer cannot be read: choose its protocol and speed.</source>
        <translation>Het antwoord van de weegschaal is onleesbaar: kies het protocol en de snelheid.</translation>
    </message>
    <message>
        <source>The scale does not answer: switch it on, or choose its protocol and speed.</source>
        <translation>De weegschaal reageert niet: zet hem aan, of kies het protocol en de snelheid.</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Type a code</source>
        <translation>Code intikken</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>{error} The label of {code} waits (&apos;{button}&apos;).</source>
        <translation>{error} Het label van {code} wacht (&apos;{button}&apos;).</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoek</translation>
    </message>
    <message>
        <source>{error} Not printed ({code}); nothing is lost: print again later.</source>
        <translation>{error} Niet geprint ({code}); er gaat niets verloren: print later opnieuw.</translation>
    </message>
    <message>
        <source>Item code: the letter</source>
        <translation>Artikelcode: de letter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Hold the label in front of the camera</source>
        <translation>Houd het label voor de camera</translation>
    </message>
    <message>
        <source>No camera found. Check its cable, or choose another under Settings → Devices.</source>
        <translation>Geen camera gevonden. Controleer de kabel, of kies een andere onder Instellingen → Apparaten.</translation>
    </message>
    <message>
        <source>Item code: the digits after {letter}</source>
        <translation>Artikelcode: de cijfers na {letter}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Find an item without its label</source>
        <translation>Zoek een artikel zonder label</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle categorieën</translation>
    </message>
    <message>
        <source>Which category?</source>
        <translation>Welke categorie?</translation>
    </message>
    <message>
        <source>Which day did it come in?</source>
        <translation>Op welke dag kwam het binnen?</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Alle dagen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gisteren</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Pick a day</source>
        <translation>Kies een dag</translation>
    </message>
    <message>
        <source>Type the last digits of the code, or choose a category or a day.</source>
        <translation>Typ de laatste cijfers van de code, of kies een categorie of een dag.</translation>
    </message>
    <message>
        <source>No item found. Check the digits, or choose another category or day.</source>
        <translation>Geen artikel gevonden. Kijk de cijfers na, of kies een andere categorie of dag.</translation>
    </message>
    <message>
        <source>{count} more found: type more digits, or choose a category or day.</source>
        <translation>Nog {count} gevonden: typ meer cijfers, of kies een categorie of dag.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>This also changes the figures of earlier periods: 1 export of an earlier period holds the old figures. Save the change?</source>
        <translation>Dit verandert ook de cijfers van eerdere periodes: 1 export van een eerdere periode heeft nog de oude cijfers. Wijziging opslaan?</translation>
    </message>
    <message>
        <source>This also changes the figures of earlier periods: {count} exports of earlier periods hold the old figures. Save the change?</source>
        <translation>Dit verandert ook de cijfers van eerdere periodes: {count} exports van eerdere periodes hebben nog de oude cijfers. Wijziging opslaan?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>SerialPanel</name>
    <message>
        <source>Frame number (typed, or scan it)</source>
        <translation>Framenummer (intypen, of scannen)</translation>
    </message>
    <message>
        <source>IMEI or serial number (typed, or scan it)</source>
        <translation>IMEI of serienummer (intypen, of scannen)</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Geen nummer</translation>
    </message>
</context>
<context>
    <name>ShelfView</name>
    <message>
        <source>All categories</source>
        <translation>Alle categorieën</translation>
    </message>
    <message>
        <source>Which category?</source>
        <translation>Welke categorie?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>In repair ({count})</source>
        <translation>In reparatie ({count})</translation>
    </message>
    <message>
        <source>Waiting ({count})</source>
        <translation>Wachtend ({count})</translation>
    </message>
    <message>
        <source>{shown} of {matching} shown, the longest waiting first: choose a filter to see the others.</source>
        <translation>{shown} van {matching} getoond, langst wachtend eerst: kies een filter voor de rest.</translation>
    </message>
    <message>
        <source>{matching} on the shelf, the longest waiting first.</source>
        <translation>{matching} op de plank, langst wachtend eerst.</translation>
    </message>
    <message>
        <source>in repair</source>
        <translation>in reparatie</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wacht</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShopScreen</name>
    <message>
        <source>Change price</source>
        <translation>Prijs wijzigen</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Regel weghalen</translation>
    </message>
    <message>
        <source>Price label</source>
        <translation>Prijslabel</translation>
    </message>
    <message>
        <source>Wrong? Undo the sale</source>
        <translation>Verkeerd? Terugdraaien</translation>
    </message>
    <message>
        <source>Take a return</source>
        <translation>Retour nemen</translation>
    </message>
    <message>
        <source>Label an item from elsewhere</source>
        <translation>Van elders labelen</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>Dagafsluiting</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>geen prijs</translation>
    </message>
    <message>
        <source>Scan an item&apos;s label to start a sale.</source>
        <translation>Scan het label van een artikel om te verkopen.</translation>
    </message>
    <message>
        <source>Total {total}</source>
        <translation>Totaal {total}</translation>
    </message>
    <message>
        <source>Scan an item first</source>
        <translation>Scan eerst een artikel</translation>
    </message>
    <message>
        <source>Tap a line first</source>
        <translation>Tik eerst een regel aan</translation>
    </message>
    <message>
        <source>Give this item a price first</source>
        <translation>Geef dit artikel eerst een prijs</translation>
    </message>
    <message>
        <source>Every item needs a price first</source>
        <translation>Elk artikel heeft eerst een prijs nodig</translation>
    </message>
    <message>
        <source>A receipt is for a sale just paid</source>
        <translation>Een bon is er voor een verkoop die net betaald is</translation>
    </message>
    <message>
        <source>Parked sales ({count})</source>
        <translation>Geparkeerd ({count})</translation>
    </message>
    <message>
        <source>No sales are parked</source>
        <translation>Er zijn geen geparkeerde verkopen</translation>
    </message>
    <message>
        <source>{code} is in the sale already.</source>
        <translation>{code} zit al in deze verkoop.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>geen reden opgegeven</translation>
    </message>
    <message>
        <source>{code} was voided ({reason}) and cannot be sold with this label. Give the item a new label?</source>
        <translation>{code} is ongeldig gemaakt ({reason}) en kan met dit label niet verkocht worden. Een nieuw label maken?</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Nieuw label</translation>
    </message>
    <message>
        <source>Price of {code}</source>
        <translation>Prijs van {code}</translation>
    </message>
    <message>
        <source>Price label of {code} is printing.</source>
        <translation>Prijslabel van {code} wordt geprint.</translation>
    </message>
    <message>
        <source>Paid {total} · cash · change {change}</source>
        <translation>Betaald {total} · contant · wisselgeld {change}</translation>
    </message>
    <message>
        <source>Paid {total} · pin</source>
        <translation>Betaald {total} · pin</translation>
    </message>
    <message>
        <source>Sold: {items} for {total}.</source>
        <translation>Verkocht: {items} voor {total}.</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artikelen</numerusform>
        </translation>
    </message>
    <message>
        <source>The receipt is printing.</source>
        <translation>De bon wordt geprint.</translation>
    </message>
    <message>
        <source>Sale parked: {items}, {total}.</source>
        <translation>Verkoop geparkeerd: {items}, {total}.</translation>
    </message>
    <message>
        <source>{time} · {items} · {total}</source>
        <translation>{time} · {items} · {total}</translation>
    </message>
    <message>
        <source>Which parked sale?</source>
        <translation>Welke geparkeerde verkoop?</translation>
    </message>
    <message>
        <source>Not in the sale any more (sold or voided meanwhile): {codes}</source>
        <translation>Niet meer in de verkoop (intussen verkocht of ongeldig gemaakt): {codes}</translation>
    </message>
    <message>
        <source>Parked sale picked up.</source>
        <translation>Geparkeerde verkoop opgehaald.</translation>
    </message>
    <message>
        <source>Scan the item the customer brings back.</source>
        <translation>Scan het artikel dat de klant terugbrengt.</translation>
    </message>
    <message>
        <source>Sold by mistake: cancel the sale</source>
        <translation>Per ongeluk verkocht: verkoop annuleren</translation>
    </message>
    <message>
        <source>Sold by mistake</source>
        <translation>Per ongeluk verkocht</translation>
    </message>
    <message>
        <source>Does not work</source>
        <translation>Werkt niet</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>Past niet</translation>
    </message>
    <message>
        <source>Changed their mind</source>
        <translation>Bedacht zich</translation>
    </message>
    <message>
        <source>Which category?</source>
        <translation>Welke categorie?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Park sale</source>
        <translation>Parkeren</translation>
    </message>
    <message>
        <source>Sale of {code} cancelled: give back {amount}</source>
        <translation>Verkoop van {code} geannuleerd: geef {amount} terug</translation>
    </message>
    <message>
        <source>Pay back {amount}: how?</source>
        <translation>{amount} terugbetalen: hoe?</translation>
    </message>
    <message>
        <source>Why does {code} come back? It was sold for {amount}.</source>
        <translation>Waarom komt {code} terug? Verkocht voor {amount}.</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>contant</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>pin</translation>
    </message>
    <message>
        <source>Paid back {amount} · {how}</source>
        <translation>{amount} terugbetaald · {how}</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prijs</translation>
    </message>
    <message>
        <source>{code} labelled; the label is printing.</source>
        <translation>{code} gelabeld; het label wordt geprint.</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Cursussen</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nieuwe pincode</translation>
    </message>
    <message>
        <source>Resource coach</source>
        <translation>Grondstoffencoach</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Werkplaats</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coördinator</translation>
    </message>
    <message>
        <source>Coordinator of the network</source>
        <translation>Coördinator van het netwerk</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>uitgeschakeld</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Inschakelen</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Uitschakelen</translation>
    </message>
    <message>
        <source>Name of the new colleague</source>
        <translation>Naam van de nieuwe collega</translation>
    </message>
    <message>
        <source>PIN of 4 to 8 digits</source>
        <translation>Pincode van 4 tot 8 cijfers</translation>
    </message>
    <message>
        <source>Colleague added.</source>
        <translation>Collega toegevoegd.</translation>
    </message>
    <message>
        <source>Role saved.</source>
        <translation>Rol opgeslagen.</translation>
    </message>
    <message>
        <source>{name} works here as</source>
        <translation>{name} werkt hier als</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>New PIN for {name}</source>
        <translation>Nieuwe pincode voor {name}</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>Pincode gewijzigd.</translation>
    </message>
    <message>
        <source>Paid, volunteer …</source>
        <translation>Betaald, vrijwilliger …</translation>
    </message>
</context>
<context>
    <name>StationSection</name>
    <message>
        <source>Change</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Nu back-up maken</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <source>Site name: {value}</source>
        <translation>Naam van de locatie: {value}</translation>
    </message>
    <message>
        <source>Log out after {value} s idle</source>
        <translation>Uitloggen na {value} s zonder gebruik</translation>
    </message>
    <message>
        <source>Screen size: {value} %</source>
        <translation>Schermgrootte: {value} %</translation>
    </message>
    <message>
        <source>Sound: {value}</source>
        <translation>Geluid: {value}</translation>
    </message>
    <message>
        <source>Language of the app: {value}</source>
        <translation>Taal van de app: {value}</translation>
    </message>
    <message>
        <source>Language of the labels: {value}</source>
        <translation>Taal van de labels: {value}</translation>
    </message>
    <message>
        <source>Backup folder: {value}</source>
        <translation>Back-upmap: {value}</translation>
    </message>
    <message>
        <source>Exports also to: {value}</source>
        <translation>Exporteren ook naar: {value}</translation>
    </message>
    <message>
        <source>USB sticks and the documents folder only</source>
        <translation>alleen USB-sticks en de documentenmap</translation>
    </message>
    <message>
        <source>The latest backup failed: {error}</source>
        <translation>De laatste back-up is mislukt: {error}</translation>
    </message>
    <message>
        <source>No backup in this folder yet</source>
        <translation>Nog geen back-up in deze map</translation>
    </message>
    <message>
        <source>Latest backup: {when}</source>
        <translation>Laatste back-up: {when}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Naam van de locatie</translation>
    </message>
    <message>
        <source>Log out after how many idle seconds?</source>
        <translation>Na hoeveel seconden zonder gebruik uitloggen?</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Taal van de app</translation>
    </message>
    <message>
        <source>Language of the labels</source>
        <translation>Taal van de labels</translation>
    </message>
    <message>
        <source>Exports also to</source>
        <translation>Exporteren ook naar</translation>
    </message>
    <message>
        <source>No other folder</source>
        <translation>Geen andere map</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Geluid</translation>
    </message>
    <message>
        <source>at the gate, workshop and material out; not at the till</source>
        <translation>bij de poort, werkplaats en materiaal weg; niet bij de kassa</translation>
    </message>
    <message>
        <source>on</source>
        <translation>aan</translation>
    </message>
    <message>
        <source>off</source>
        <translation>uit</translation>
    </message>
    <message>
        <source>Start the app again at {value} % now? Everyone logs in again; nothing is lost.</source>
        <translation>Ambacht nu opnieuw starten op {value} %? Iedereen logt opnieuw in; er gaat niets verloren.</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Opnieuw starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Screen size</source>
        <translation>Schermgrootte</translation>
    </message>
    <message>
        <source>Beside the database</source>
        <translation>Naast de database</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Back-upmap</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Back-up maken…</translation>
    </message>
    <message>
        <source>The backup failed: {error}</source>
        <translation>De back-up is mislukt: {error}</translation>
    </message>
</context>
<context>
    <name>StatusActions</name>
    <message>
        <source>Test the scale</source>
        <translation>Weegschaal testen</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Nu back-up maken</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Testing the scale…</source>
        <translation>Weegschaal testen…</translation>
    </message>
    <message>
        <source>The backup failed: {error}</source>
        <translation>De back-up is mislukt: {error}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Back-up maken…</translation>
    </message>
    <message>
        <source>The scale answers: {weight} ({note}).</source>
        <translation>De weegschaal antwoordt: {weight} ({note}).</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <source>Printer: {waiting}</source>
        <translation>Printer: {waiting}</translation>
    </message>
    <message>
        <source>Printer error</source>
        <translation>Printerfout</translation>
    </message>
    <message>
        <source>Printer ok</source>
        <translation>Printer ok</translation>
    </message>
    <message>
        <source>Scale connected</source>
        <translation>Weegschaal verbonden</translation>
    </message>
    <message>
        <source>Scale not connected</source>
        <translation>Weegschaal niet verbonden</translation>
    </message>
    <message>
        <source>Scanner not connected</source>
        <translation>Scanner niet verbonden</translation>
    </message>
    <message>
        <source>Scanner ok</source>
        <translation>Scanner ok</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Back-up maken…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Back-up mislukt</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Nog geen back-up</translation>
    </message>
    <message>
        <source>Backup {when}</source>
        <translation>Back-up {when}</translation>
    </message>
    <message>
        <source>Apart from the hub</source>
        <translation>Wijkt af van de hub</translation>
    </message>
    <message>
        <source>Revoked by the hub</source>
        <translation>Ingetrokken door de hub</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Geweigerd door de hub</translation>
    </message>
    <message>
        <source>Restored: sync first</source>
        <translation>Teruggezet: eerst synchroniseren</translation>
    </message>
    <message numerus="yes">
        <source>Offline since %1 · %n to send</source>
        <translation>
            <numerusform>Offline sinds %1 · %n te versturen</numerusform>
            <numerusform>Offline sinds %1 · %n te versturen</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline sinds %1</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Update Ambacht: station %1 is newer</source>
        <translation>Werk Ambacht bij: station %1 is nieuwer</translation>
    </message>
    <message>
        <source>Update Ambacht: stations %1 are newer</source>
        <translation>Werk Ambacht bij: stations %1 zijn nieuwer</translation>
    </message>
    <message>
        <source>The label printer works.</source>
        <translation>De labelprinter werkt.</translation>
    </message>
    <message>
        <source>The barcode scanner is ready.</source>
        <translation>De barcodescanner is klaar.</translation>
    </message>
    <message>
        <source>The barcode scanner is not connected: check its cable. Type codes meanwhile.</source>
        <translation>De barcodescanner is niet verbonden: controleer de kabel. Typ intussen de codes.</translation>
    </message>
    <message>
        <source>The latest backup failed: {error}</source>
        <translation>De laatste back-up is mislukt: {error}</translation>
    </message>
    <message>
        <source>No backup of the data has been made yet.</source>
        <translation>Er is nog geen back-up van de gegevens gemaakt.</translation>
    </message>
    <message>
        <source>The latest backup of the data was made at {when}.</source>
        <translation>De laatste back-up van de gegevens is gemaakt om {when}.</translation>
    </message>
    <message>
        <source>This station&apos;s steps differ from the hub&apos;s copy of them, so it cannot sync again: ask the coordinator to take the station over on a new file.</source>
        <translation>De stappen van dit station verschillen van die op de hub, dus het kan niet meer synchroniseren: vraag de coördinator het station over te nemen met een nieuw bestand.</translation>
    </message>
    <message>
        <source>This PC was restored from a backup: first sync with the hub.</source>
        <translation>Deze PC is teruggezet uit een back-up: eerst synchroniseren met de hub.</translation>
    </message>
    <message numerus="yes">
        <source>Another station runs a newer version of Ambacht and takes steps this version does not know: %n step(s) are kept here, but count only once this PC is updated too.</source>
        <translation>
            <numerusform>Een ander station gebruikt een nieuwere versie van Ambacht en legt stappen vast die deze versie niet kent: %n stap is hier bewaard, maar telt pas mee als ook deze pc is bijgewerkt.</numerusform>
            <numerusform>Een ander station gebruikt een nieuwere versie van Ambacht en legt stappen vast die deze versie niet kent: %n stappen zijn hier bewaard, maar tellen pas mee als ook deze pc is bijgewerkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The other stations are out of reach. This station works on and sends what waits when the link is back.</source>
        <translation>De andere stations zijn niet bereikbaar. Dit station werkt door en verstuurt wat wacht zodra de verbinding terug is.</translation>
    </message>
    <message>
        <source>Set this PC&apos;s date and time right (or let it take them from the internet): its steps are recorded by its clock. Changes to the settings are dated by the hub&apos;s clock meanwhile.</source>
        <translation>Zet de datum en tijd van deze PC goed (of laat hem die van internet halen): zijn stappen worden met zijn klok vastgelegd. Wijzigingen in de instellingen krijgen intussen de tijd van de hub.</translation>
    </message>
    <message>
        <source>This station shares its work with the other stations.</source>
        <translation>Dit station deelt zijn werk met de andere stations.</translation>
    </message>
</context>
<context>
    <name>StillTherePanel</name>
    <message>
        <source>Are you still there?</source>
        <translation>Bent u er nog?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message numerus="yes">
        <source>Without an answer you are logged out in %n seconds.</source>
        <translation>
            <numerusform>Zonder antwoord wordt u over %n seconde uitgelogd.</numerusform>
            <numerusform>Zonder antwoord wordt u over %n seconden uitgelogd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextEntryPanel</name>
    <message>
        <source>Shift</source>
        <translation>Hoofdletter</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Spatie</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Other screen</source>
        <translation>Ander scherm</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Ga naar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Meer…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Uitloggen</translation>
    </message>
</context>
<context>
    <name>UndoSalePanel</name>
    <message>
        <source>Undo this sale of {total}? Give the money back; the items are for sale again.</source>
        <translation>Deze verkoop van {total} terugdraaien? Geef het geld terug; de artikelen zijn weer te koop.</translation>
    </message>
    <message>
        <source>Undo the sale</source>
        <translation>Verkoop terugdraaien</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Laten staan</translation>
    </message>
    <message>
        <source>Sale undone at the till</source>
        <translation>Verkoop ongedaan aan de kassa</translation>
    </message>
    <message>
        <source>Sale undone: give back {amount}</source>
        <translation>Verkoop teruggedraaid: geef {amount} terug</translation>
    </message>
</context>
<context>
    <name>VisitStart</name>
    <message>
        <source>New visitor</source>
        <translation>Nieuwe bezoeker</translation>
    </message>
    <message>
        <source>Where does the resident live? Tap to start the visit.</source>
        <translation>Waar woont de bewoner? Tik om het bezoek te starten.</translation>
    </message>
    <message>
        <source>Unknown / not asked</source>
        <translation>Onbekend / niet gevraagd</translation>
    </message>
    <message>
        <source>Tap to start logging this resident&apos;s items.</source>
        <translation>Tik om de spullen van deze bewoner in te voeren.</translation>
    </message>
    <message>
        <source>Start visit</source>
        <translation>Bezoek starten</translation>
    </message>
</context>
<context>
    <name>WaitingLabels</name>
    <message>
        <source>Labels waiting for the printer</source>
        <translation>Labels die op de printer wachten</translation>
    </message>
    <message>
        <source>Try all again now</source>
        <translation>Alles nu opnieuw proberen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>{code} · not tried yet</source>
        <translation>{code} · nog niet geprobeerd</translation>
    </message>
    <message numerus="yes">
        <source>{code} · %n attempts</source>
        <translation>
            <numerusform>{code} · %n poging</numerusform>
            <numerusform>{code} · %n pogingen</numerusform>
        </translation>
    </message>
    <message>
        <source>Label of {code}</source>
        <translation>Label van {code}</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Nu opnieuw proberen</translation>
    </message>
    <message>
        <source>Cancel this label</source>
        <translation>Dit label annuleren</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
</context>
<context>
    <name>WeightRoutePanel</name>
    <message>
        <source>Sale</source>
        <translation>Verkoop</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparatie</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <source>Choose a category first</source>
        <translation>Kies eerst een categorie</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Standard weight</source>
        <translation>Standaardgewicht</translation>
    </message>
    <message>
        <source>Standard weight {weight}</source>
        <translation>Standaardgewicht {weight}</translation>
    </message>
    <message>
        <source>Choose what it is</source>
        <translation>Kies wat het is</translation>
    </message>
    <message>
        <source>Weigh it or type the weight</source>
        <translation>Weeg of tik het gewicht</translation>
    </message>
    <message>
        <source>Where does it go?</source>
        <translation>Waar gaat het heen?</translation>
    </message>
    <message>
        <source>Weigh it or type the weight first</source>
        <translation>Weeg eerst, of tik het gewicht</translation>
    </message>
</context>
<context>
    <name>WorkshopScreen</name>
    <message>
        <source>Start repair</source>
        <translation>Reparatie starten</translation>
    </message>
    <message>
        <source>Repair done</source>
        <translation>Reparatie klaar</translation>
    </message>
    <message>
        <source>Safety test</source>
        <translation>Veiligheidstest</translation>
    </message>
    <message>
        <source>Price and label</source>
        <translation>Prijs en label</translation>
    </message>
    <message>
        <source>Correct last step</source>
        <translation>Laatste stap corrigeren</translation>
    </message>
    <message>
        <source>Repair shelf</source>
        <translation>Reparatieplank</translation>
    </message>
    <message>
        <source>Make a new product</source>
        <translation>Nieuw product maken</translation>
    </message>
    <message>
        <source>Scan an item&apos;s label, or tap one on the shelf</source>
        <translation>Scan het label van een artikel, of tik er een aan op de plank</translation>
    </message>
    <message>
        <source>Make the product</source>
        <translation>Product maken</translation>
    </message>
    <message>
        <source>Scan the items the product is made of: {codes}</source>
        <translation>Scan de artikelen waarvan het product gemaakt is: {codes}</translation>
    </message>
    <message>
        <source>Also half done: {codes}</source>
        <translation>Ook half ingevuld: {codes}</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>Verder</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>{code} is in repair.</source>
        <translation>{code} is in reparatie.</translation>
    </message>
    <message>
        <source>Repair of {code} recorded · price label {price} printing…</source>
        <translation>Reparatie van {code} vastgelegd · prijslabel {price} wordt geprint…</translation>
    </message>
    <message>
        <source>Repair of {code} recorded · no price label (not for sale, or no price).</source>
        <translation>Reparatie van {code} vastgelegd · geen prijslabel (niet voor de verkoop, of geen prijs).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Electrical safety test</source>
        <translation>Elektrische veiligheidstest</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Afgekeurd</translation>
    </message>
    <message>
        <source>Shop price</source>
        <translation>Winkelprijs</translation>
    </message>
    <message>
        <source>Do not sell {code}</source>
        <translation>{code} niet verkopen</translation>
    </message>
    <message>
        <source>Repair record half done: &apos;Repair done&apos; goes on at step {number}.</source>
        <translation>Reparatie half ingevuld: &apos;Reparatie klaar&apos; gaat verder bij stap {number}.</translation>
    </message>
    <message>
        <source>Go on with the repair of {code}? It stopped at step {number}.</source>
        <translation>Verder met de reparatie van {code}? Die stond bij stap {number}.</translation>
    </message>
    <message>
        <source>It failed the safety test, so it may not be sold or given away for use. Write &apos;REJECTED&apos; on its label and put it with the electrical waste for material; it is now routed to material.</source>
        <translation>Afgekeurd bij de veiligheidstest: niet verkopen en niet meegeven voor gebruik. Schrijf &apos;AFGEKEURD&apos; op het label en leg het artikel bij het elektro-afval (materiaal); het staat nu op route materiaal.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Safety test recorded.</source>
        <translation>Veiligheidstest vastgelegd.</translation>
    </message>
    <message>
        <source>Price set; label printed.</source>
        <translation>Prijs gezet; label geprint.</translation>
    </message>
    <message>
        <source>The last step was cancelled.</source>
        <translation>De laatste stap is geannuleerd.</translation>
    </message>
    <message>
        <source>Why cancel the last step?</source>
        <translation>Waarom de laatste stap annuleren?</translation>
    </message>
    <message>
        <source>Wrong item scanned</source>
        <translation>Verkeerd artikel gescand</translation>
    </message>
    <message>
        <source>Wrong outcome chosen</source>
        <translation>Verkeerde uitkomst gekozen</translation>
    </message>
    <message>
        <source>What was made?</source>
        <translation>Wat is er gemaakt?</translation>
    </message>
    <message>
        <source>New product {code} made; label printed.</source>
        <translation>Nieuw product {code} gemaakt; label geprint.</translation>
    </message>
</context>
</TS>
