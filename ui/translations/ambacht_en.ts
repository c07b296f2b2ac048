<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BaselinePanel</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This also changes the figures of earlier periods: %n export(s) of earlier periods hold the old figures.</source>
        <translation>
            <numerusform>This also changes the figures of earlier periods: %n export of an earlier period holds the old figures.</numerusform>
            <numerusform>This also changes the figures of earlier periods: %n exports of earlier periods hold the old figures.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Clocks</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message numerus="yes">
        <source>%n conflict(s) between stations. Tap one to choose which step stands.</source>
        <translation>
            <numerusform>%n conflict between stations. Tap it to choose which step stands.</numerusform>
            <numerusform>%n conflicts between stations. Tap one to choose which step stands.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) wait here for it, kept, and count once this PC is updated.</source>
        <translation>
            <numerusform>%n step waits here for it, kept, and counts once this PC is updated.</numerusform>
            <numerusform>%n steps wait here for it, kept, and count once this PC is updated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message numerus="yes">
        <source>All %n categories</source>
        <translation>
            <numerusform>All %n category</numerusform>
            <numerusform>All %n categories</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayClosePanel</name>
    <message numerus="yes">
        <source>%n sales</source>
        <translation>
            <numerusform>%n sale</numerusform>
            <numerusform>%n sales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n returns</source>
        <translation>
            <numerusform>%n return</numerusform>
            <numerusform>%n returns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GateScreen</name>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visits</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelPrinterSection</name>
    <message numerus="yes">
        <source>%n labels waiting for the printer</source>
        <translation>
            <numerusform>%n label waiting for the printer</numerusform>
            <numerusform>%n labels waiting for the printer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaterialScreen</name>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkFigures</name>
    <message numerus="yes">
        <source>%n site(s), figures of the hub of {time}</source>
        <translation>
            <numerusform>%n site, figures of the hub of {time}</numerusform>
            <numerusform>%n sites, figures of the hub of {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without figures yet</source>
        <translation>
            <numerusform>%n without figures yet</numerusform>
            <numerusform>%n without figures yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrinterWords</name>
    <message numerus="yes">
        <source>%n labels waiting</source>
        <translation>
            <numerusform>%n label waiting</numerusform>
            <numerusform>%n labels waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryScreen</name>
    <message numerus="yes">
        <source>Backup of {when} · %n item(s)</source>
        <translation>
            <numerusform>Backup of {when} · %n item</numerusform>
            <numerusform>Backup of {when} · %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedCard</name>
    <message numerus="yes">
        <source>%n other item(s) at the centre with this number: {codes}. Taken in twice?</source>
        <translation>
            <numerusform>%n other item at the centre has this number: {codes}. Taken in twice?</numerusform>
            <numerusform>%n other items at the centre have this number: {codes}. Taken in twice?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShelfView</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShopScreen</name>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message numerus="yes">
        <source>Offline since %1 · %n to send</source>
        <translation>
            <numerusform>Offline since %1 · %n to send</numerusform>
            <numerusform>Offline since %1 · %n to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Another station runs a newer version of Ambacht and takes steps this version does not know: %n step(s) are kept here, but count only once this PC is updated too.</source>
        <translation>
            <numerusform>Another station runs a newer version of Ambacht and takes steps this version does not know: %n step is kept here, but counts only once this PC is updated too.</numerusform>
            <numerusform>Another station runs a newer version of Ambacht and takes steps this version does not know: %n steps are kept here, but count only once this PC is updated too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillTherePanel</name>
    <message numerus="yes">
        <source>Without an answer you are logged out in %n seconds.</source>
        <translation>
            <numerusform>Without an answer you are logged out in %n second.</numerusform>
            <numerusform>Without an answer you are logged out in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitingLabels</name>
    <message numerus="yes">
        <source>{code} · %n attempts</source>
        <translation>
            <numerusform>{code} · %n attempt</numerusform>
            <numerusform>{code} · %n attempts</numerusform>
        </translation>
    </message>
</context>
</TS>
