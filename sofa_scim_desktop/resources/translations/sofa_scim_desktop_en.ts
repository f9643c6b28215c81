<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CallTexts</name>
    <message numerus="yes">
        <source>Refused %n calls: %1.</source>
        <translation>
            <numerusform>Refused %n call: %1.</numerusform>
            <numerusform>Refused %n calls: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeTexts</name>
    <message numerus="yes">
        <source>%n members added</source>
        <translation>
            <numerusform>%n member added</numerusform>
            <numerusform>%n members added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members removed</source>
        <translation>
            <numerusform>%n member removed</numerusform>
            <numerusform>%n members removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthWords</name>
    <message numerus="yes">
        <source>No call for %n days</source>
        <translation>
            <numerusform>No call for %n day</numerusform>
            <numerusform>No call for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No call for %n hours</source>
        <translation>
            <numerusform>No call for %n hour</numerusform>
            <numerusform>No call for %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failing: %1 of %n calls</source>
        <translation>
            <numerusform>Failing: %1 of %n call</numerusform>
            <numerusform>Failing: %1 of %n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n calls in the last 24 hours failed.</source>
        <translation>
            <numerusform>%1 of %n call in the last 24 hours failed.</numerusform>
            <numerusform>%1 of %n calls in the last 24 hours failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entra has not called for %n days.</source>
        <translation>
            <numerusform>Entra has not called for %n day.</numerusform>
            <numerusform>Entra has not called for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entra has not called for %n hours.</source>
        <translation>
            <numerusform>Entra has not called for %n hour.</numerusform>
            <numerusform>Entra has not called for %n hours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entra&apos;s calls are answered; %n failed in the last 24 hours.</source>
        <translation>
            <numerusform>Entra&apos;s calls are answered; %n failed in the last 24 hours.</numerusform>
            <numerusform>Entra&apos;s calls are answered; %n failed in the last 24 hours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused in the last 24 hours: %n.</source>
        <translation>
            <numerusform>Refused in the last 24 hours: %n.</numerusform>
            <numerusform>Refused in the last 24 hours: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParametersTab</name>
    <message numerus="yes">
        <source>The identifier may have at most %n characters.</source>
        <translation>
            <numerusform>The identifier may have at most %n character.</numerusform>
            <numerusform>The identifier may have at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>The %n users it created stay in Sofa, deactivated and detached from it. Entra&apos;s calls to its endpoint will be refused.</source>
        <translation>
            <numerusform>The %n user it created stays in Sofa, deactivated and detached from it. Entra&apos;s calls to its endpoint will be refused.</numerusform>
            <numerusform>The %n users it created stay in Sofa, deactivated and detached from it. Entra&apos;s calls to its endpoint will be refused.</numerusform>
        </translation>
    </message>
</context>
</TS>
