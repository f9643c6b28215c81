<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Sofa SCIM Desktop</source>
        <translation>O aplikaci Sofa SCIM Desktop</translation>
    </message>
    <message>
        <source>Sofa SCIM Desktop %1</source>
        <translation>Sofa SCIM Desktop %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Zastaven</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Verze</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Složka s daty</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databáze</translation>
    </message>
    <message>
        <source>SCIM server</source>
        <translation>SCIM server</translation>
    </message>
</context>
<context>
    <name>AccessDialog</name>
    <message>
        <source>Access details – %1</source>
        <translation>Přístupové údaje – %1</translation>
    </message>
    <message>
        <source>+ Generate key</source>
        <translation>+ Vygenerovat klíč</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dnů</translation>
    </message>
    <message>
        <source>Generate key</source>
        <translation>Vygenerovat klíč</translation>
    </message>
    <message>
        <source>Copy URL to clipboard</source>
        <translation>Zkopírovat URL do schránky</translation>
    </message>
    <message>
        <source>Copy key to clipboard</source>
        <translation>Zkopírovat klíč do schránky</translation>
    </message>
    <message>
        <source>Synchronization “%1”, identifier %2</source>
        <translation>Synchronizace „%1“, identifikátor %2</translation>
    </message>
    <message>
        <source>Key validity:</source>
        <translation>Platnost klíče:</translation>
    </message>
    <message>
        <source>(%1 to %2 days)</source>
        <translation>(%1 až %2 dnů)</translation>
    </message>
    <message>
        <source>A key is valid for %1 to %2 days, not %3.</source>
        <translation>Klíč platí %1 až %2 dní, ne %3.</translation>
    </message>
    <message>
        <source>The new key</source>
        <translation>Nový klíč</translation>
    </message>
    <message>
        <source>Endpoint URL:</source>
        <translation>Endpoint URL:</translation>
    </message>
    <message>
        <source>Access key:</source>
        <translation>Přístupový klíč:</translation>
    </message>
    <message>
        <source>Copy both now and store them safely: enter the Endpoint URL as the Tenant URL and the key as the Secret token in Entra. Sofa keeps only a fingerprint of the key and cannot show it again after you close this dialog.</source>
        <translation>Obojí si hned zkopírujte a bezpečně uložte: v Entra zadejte Endpoint URL do pole Adresa URL tenanta a klíč do pole Token tajného kódu. Sofa uchovává jen otisk klíče a po zavření dialogu ho už znovu nezobrazí.</translation>
    </message>
    <message>
        <source>No key yet: generate one and enter it in Entra as the Secret token.</source>
        <translation>Klíč zatím neexistuje: vygenerujte ho a v Entra ho zadejte do pole Token tajného kódu.</translation>
    </message>
    <message>
        <source>The key expired on %1: Entra&apos;s calls are refused. Generate a new one.</source>
        <translation>Platnost klíče skončila %1: volání z Entra jsou odmítána. Vygenerujte nový klíč.</translation>
    </message>
    <message>
        <source>The current key expires on %1: generate a new one and enter it in Entra in time.</source>
        <translation>Platnost současného klíče končí %1: včas vygenerujte nový a zadejte ho v Entra.</translation>
    </message>
    <message>
        <source>The current key expires on %1.</source>
        <translation>Platnost současného klíče končí %1.</translation>
    </message>
    <message>
        <source>The previous key still works until %1, or until Entra&apos;s first call with the new key.</source>
        <translation>Předchozí klíč funguje ještě do %1, nebo do prvního volání z Entra s novým klíčem.</translation>
    </message>
</context>
<context>
    <name>BusyPortDialog</name>
    <message>
        <source>The SCIM server cannot start</source>
        <translation>SCIM server nelze spustit</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already in use, probably by another program or another Sofa SCIM server (%3).

Entra cannot reach this computer until the server runs. Choose another port (0 picks any free port):</source>
        <translation>Port %1 na %2 už používá jiný program, nejspíš jiný server Sofa SCIM (%3).

Dokud server neběží, Entra se k tomuto počítači nedostane. Zvolte jiný port (0 vybere libovolný volný port):</translation>
    </message>
    <message>
        <source>Save this port in the settings</source>
        <translation>Uložit tento port do nastavení</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Start on this port</source>
        <translation>Spustit na tomto portu</translation>
    </message>
    <message>
        <source>Run without server</source>
        <translation>Pokračovat bez serveru</translation>
    </message>
</context>
<context>
    <name>CallOutcome</name>
    <message>
        <source>In Entra (Provisioning → Admin Credentials), paste the key from Sofa&apos;s Access details into Secret Token.</source>
        <translation>V Entra (Zřizování → Přihlašovací údaje správce) vložte do pole Token tajného kódu klíč z Přístupových údajů v Sofa.</translation>
    </message>
    <message>
        <source>Generate a key in Sofa&apos;s Access details and paste it into Secret Token in Entra (Provisioning → Admin Credentials).</source>
        <translation>Vygenerujte klíč v Přístupových údajích v Sofa a vložte ho v Entra do pole Token tajného kódu (Zřizování → Přihlašovací údaje správce).</translation>
    </message>
    <message>
        <source>Generate a new key in Sofa&apos;s Access details and paste it into Secret Token in Entra.</source>
        <translation>Vygenerujte nový klíč v Přístupových údajích v Sofa a vložte ho v Entra do pole Token tajného kódu.</translation>
    </message>
    <message>
        <source>Paste the newest key from Sofa&apos;s Access details into Secret Token in Entra.</source>
        <translation>Vložte v Entra do pole Token tajného kódu nejnovější klíč z Přístupových údajů v Sofa.</translation>
    </message>
    <message>
        <source>In Entra (Provisioning → Admin Credentials), set Tenant URL to the Endpoint URL Sofa shows for the synchronization: its identifier was changed.</source>
        <translation>V Entra (Zřizování → Přihlašovací údaje správce) nastavte Adresu URL tenanta na Endpoint URL, kterou Sofa u synchronizace zobrazuje: její identifikátor se změnil.</translation>
    </message>
    <message>
        <source>Enable the synchronization in Sofa, or stop provisioning in Entra.</source>
        <translation>Aktivujte synchronizaci v Sofa, nebo v Entra zastavte zřizování.</translation>
    </message>
    <message>
        <source>Sofa already has a user or group of that name that this synchronization does not manage: rename or remove it in Sofa, or change the value Entra sends for it.</source>
        <translation>Sofa už má uživatele nebo skupinu tohoto jména a tato synchronizace je nespravuje: v Sofa je přejmenujte nebo odstraňte, nebo změňte hodnotu, kterou pro ně Entra posílá.</translation>
    </message>
    <message>
        <source>Check the attribute mappings of the Sofa application in Entra (Provisioning → Mappings): Sofa refused a value it sent.</source>
        <translation>Zkontrolujte mapování atributů aplikace Sofa v Entra (Zřizování → Mapování): Sofa odmítla hodnotu, kterou Entra poslala.</translation>
    </message>
    <message>
        <source>Entra sent a request Sofa could not read; if the mappings use expressions, check them (Provisioning → Mappings).</source>
        <translation>Entra poslala požadavek, kterému Sofa nerozuměla; pokud mapování používají výrazy, zkontrolujte je (Zřizování → Mapování).</translation>
    </message>
    <message>
        <source>Use userName, externalId, displayName or id as the matching attribute in Entra (Provisioning → Mappings → Matching precedence).</source>
        <translation>Jako porovnávací atribut v Entra použijte userName, externalId, displayName nebo id (Zřizování → Mapování → Priorita porovnávání).</translation>
    </message>
    <message>
        <source>Remove the attribute Sofa does not know from the mappings in Entra (Provisioning → Mappings).</source>
        <translation>Odeberte z mapování v Entra atribut, který Sofa nezná (Zřizování → Mapování).</translation>
    </message>
    <message>
        <source>Entra changed a value Sofa does not have; restart provisioning in Entra if it repeats.</source>
        <translation>Entra měnila hodnotu, kterou Sofa nemá; pokud se to opakuje, restartujte zřizování v Entra.</translation>
    </message>
    <message>
        <source>Remove the mapping of a read-only attribute in Entra (Provisioning → Mappings).</source>
        <translation>Odeberte v Entra mapování atributu, který je jen pro čtení (Zřizování → Mapování).</translation>
    </message>
    <message>
        <source>Narrow the query; Entra normally asks for one user at a time.</source>
        <translation>Zužte dotaz; Entra se obvykle ptá na jednoho uživatele najednou.</translation>
    </message>
    <message>
        <source>Entra changed a user or group Sofa no longer has (deleted in Sofa?); restart provisioning in Entra (Provisioning → Restart provisioning) to clear its state.</source>
        <translation>Entra měnila uživatele nebo skupinu, které už Sofa nemá (odstraněno v Sofa?); restartujte zřizování v Entra (Zřizování → Restartovat zřizování), aby se jeho stav vynuloval.</translation>
    </message>
    <message>
        <source>Entra sent more than Sofa accepts at once; it retries in smaller batches.</source>
        <translation>Entra poslala víc, než Sofa najednou přijme; zkusí to znovu po menších dávkách.</translation>
    </message>
    <message>
        <source>Sofa could not write the change (see the server&apos;s output or the app&apos;s log file); Entra retries it in its next cycle.</source>
        <translation>Sofa nemohla změnu zapsat (viz výstup serveru nebo soubor logu aplikace); Entra ji zkusí znovu v příštím cyklu.</translation>
    </message>
    <message>
        <source>Check the attribute mappings of the Sofa application in Entra (Provisioning → Mappings).</source>
        <translation>Zkontrolujte mapování atributů aplikace Sofa v Entra (Zřizování → Mapování).</translation>
    </message>
</context>
<context>
    <name>CallTexts</name>
    <message>
        <source>Sofa&apos;s connection check sent a wrong key on purpose and it was refused, as it should be: the path reaches this server.</source>
        <translation>Kontrola připojení ze Sofa poslala schválně chybný klíč a ten byl odmítnut, jak má být: cesta vede na tento server.</translation>
    </message>
    <message numerus="yes">
        <source>Refused %n calls: %1.</source>
        <translation>
            <numerusform>Odmítnuto %n volání: %1.</numerusform>
            <numerusform>Odmítnuta %n volání: %1.</numerusform>
            <numerusform>Odmítnuto %n volání: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused a call: %1.</source>
        <translation>Odmítnuto volání: %1.</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Oprava: %1</translation>
    </message>
    <message>
        <source>the call carried no key — Entra&apos;s Secret Token is empty</source>
        <translation>volání neneslo žádný klíč — Token tajného kódu v Entra je prázdný</translation>
    </message>
    <message>
        <source>the key is wrong — Entra holds an old or mistyped Secret Token</source>
        <translation>klíč je chybný — Entra má uložený starý nebo chybně zadaný Token tajného kódu</translation>
    </message>
    <message>
        <source>the key has expired</source>
        <translation>platnost klíče skončila</translation>
    </message>
    <message>
        <source>the key was replaced by a newer one — Entra still holds the old Secret Token</source>
        <translation>klíč byl nahrazen novějším — Entra má stále uložený starý Token tajného kódu</translation>
    </message>
    <message>
        <source>the synchronization is disabled in Sofa</source>
        <translation>synchronizace je v Sofa neaktivní</translation>
    </message>
    <message>
        <source>the Tenant URL names the old identifier — Entra still holds the URL from before the rename</source>
        <translation>Adresa URL tenanta obsahuje starý identifikátor — Entra má stále uloženou adresu z doby před přejmenováním</translation>
    </message>
    <message>
        <source>Call: %1, at %2.</source>
        <translation>Volání: %1, v %2.</translation>
    </message>
    <message>
        <source>Last call: %1; first at %2, last at %3.</source>
        <translation>Poslední volání: %1; první v %2, poslední v %3.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Entra could not %1 (HTTP %2): %3.</source>
        <translation>Entra nemohla %1 (HTTP %2): %3.</translation>
    </message>
    <message>
        <source>Sofa&apos;s answer to Entra: %1</source>
        <translation>Odpověď Sofa pro Entra: %1</translation>
    </message>
    <message>
        <source>Call: %1</source>
        <translation>Volání: %1</translation>
    </message>
    <message>
        <source>that name is already taken in Sofa</source>
        <translation>toto jméno už v Sofa existuje</translation>
    </message>
    <message>
        <source>Sofa refused a value Entra sent</source>
        <translation>Sofa odmítla hodnotu, kterou Entra poslala</translation>
    </message>
    <message>
        <source>Sofa could not read the request</source>
        <translation>Sofa požadavku nerozuměla</translation>
    </message>
    <message>
        <source>Sofa cannot search with that filter</source>
        <translation>Sofa podle tohoto filtru hledat neumí</translation>
    </message>
    <message>
        <source>the request names an attribute Sofa does not know</source>
        <translation>požadavek uvádí atribut, který Sofa nezná</translation>
    </message>
    <message>
        <source>the value to change is not in Sofa</source>
        <translation>měněná hodnota v Sofa není</translation>
    </message>
    <message>
        <source>the request changes a read-only attribute</source>
        <translation>požadavek mění atribut, který je jen pro čtení</translation>
    </message>
    <message>
        <source>the query matches too many</source>
        <translation>dotazu odpovídá příliš mnoho záznamů</translation>
    </message>
    <message>
        <source>Sofa has no such user or group</source>
        <translation>Sofa takového uživatele ani skupinu nemá</translation>
    </message>
    <message>
        <source>the request is too large</source>
        <translation>požadavek je příliš velký</translation>
    </message>
    <message>
        <source>Sofa could not write the change</source>
        <translation>Sofa nemohla změnu zapsat</translation>
    </message>
    <message>
        <source>call %1 %2</source>
        <translation>zavolat %1 %2</translation>
    </message>
    <message>
        <source>create a user</source>
        <translation>vytvořit uživatele</translation>
    </message>
    <message>
        <source>replace a user</source>
        <translation>nahradit uživatele</translation>
    </message>
    <message>
        <source>update a user</source>
        <translation>upravit uživatele</translation>
    </message>
    <message>
        <source>delete a user</source>
        <translation>odstranit uživatele</translation>
    </message>
    <message>
        <source>look up users</source>
        <translation>vyhledat uživatele</translation>
    </message>
    <message>
        <source>read a user</source>
        <translation>načíst uživatele</translation>
    </message>
    <message>
        <source>create a group</source>
        <translation>vytvořit skupinu</translation>
    </message>
    <message>
        <source>replace a group</source>
        <translation>nahradit skupinu</translation>
    </message>
    <message>
        <source>update a group</source>
        <translation>upravit skupinu</translation>
    </message>
    <message>
        <source>delete a group</source>
        <translation>odstranit skupinu</translation>
    </message>
    <message>
        <source>look up groups</source>
        <translation>vyhledat skupiny</translation>
    </message>
    <message>
        <source>read a group</source>
        <translation>načíst skupinu</translation>
    </message>
</context>
<context>
    <name>ChangeTexts</name>
    <message>
        <source>(empty)</source>
        <translation>(prázdné)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ano</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ne</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>account activated</source>
        <translation>účet aktivován</translation>
    </message>
    <message>
        <source>account deactivated</source>
        <translation>účet deaktivován</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>added to Sofa group %1</source>
        <translation>je nově členem skupiny %1 v Sofa</translation>
    </message>
    <message>
        <source>added to Sofa groups %1</source>
        <translation>je nově členem skupin %1 v Sofa</translation>
    </message>
    <message>
        <source>removed from Sofa group %1</source>
        <translation>už není členem skupiny %1 v Sofa</translation>
    </message>
    <message>
        <source>removed from Sofa groups %1</source>
        <translation>už není členem skupin %1 v Sofa</translation>
    </message>
    <message>
        <source>got role %1</source>
        <translation>nově má roli %1</translation>
    </message>
    <message>
        <source>got roles %1</source>
        <translation>nově má role %1</translation>
    </message>
    <message>
        <source>lost role %1</source>
        <translation>už nemá roli %1</translation>
    </message>
    <message>
        <source>lost roles %1</source>
        <translation>už nemá role %1</translation>
    </message>
    <message>
        <source>Also changed in Sofa</source>
        <translation>Další změny v Sofa</translation>
    </message>
    <message>
        <source>1 member added</source>
        <translation>1 člen přidán</translation>
    </message>
    <message numerus="yes">
        <source>%n members added</source>
        <translation>
            <numerusform>%n člen přidán</numerusform>
            <numerusform>%n členové přidáni</numerusform>
            <numerusform>%n členů přidáno</numerusform>
        </translation>
    </message>
    <message>
        <source>1 member removed</source>
        <translation>1 člen odebrán</translation>
    </message>
    <message numerus="yes">
        <source>%n members removed</source>
        <translation>
            <numerusform>%n člen odebrán</numerusform>
            <numerusform>%n členové odebráni</numerusform>
            <numerusform>%n členů odebráno</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… a %n další</numerusform>
            <numerusform>… a %n další</numerusform>
            <numerusform>… a %n dalších</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>Copied</source>
        <translation>Zkopírováno</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Keep provisioning running?</source>
        <translation>Nechat zřizování běžet?</translation>
    </message>
    <message>
        <source>Remember my choice (Settings → General)</source>
        <translation>Zapamatovat si volbu (Nastavení → Obecné)</translation>
    </message>
    <message>
        <source>Keep serving in the system tray</source>
        <translation>Nechat server běžet v oznamovací oblasti</translation>
    </message>
    <message>
        <source>Keep serving, minimise the window</source>
        <translation>Nechat server běžet a okno minimalizovat</translation>
    </message>
    <message>
        <source>Quit and stop the server</source>
        <translation>Ukončit a zastavit server</translation>
    </message>
    <message>
        <source>The SCIM server on %1 runs inside this window. While the server is stopped, Entra&apos;s provisioning calls fail, and Entra quarantines a job whose calls keep failing.</source>
        <translation>SCIM server na %1 běží v této aplikaci. Dokud je server zastavený, volání zřizování z Entra selhávají a úlohu, jejíž volání selhávají opakovaně, Entra umístí do karantény.</translation>
    </message>
    <message>
        <source>This desktop has no system tray: to keep serving, the window is minimised to the taskbar instead.</source>
        <translation>Toto pracovní prostředí nemá oznamovací oblast: aby server běžel dál, okno se místo toho minimalizuje na hlavní panel.</translation>
    </message>
</context>
<context>
    <name>ConnectEntraPanel</name>
    <message>
        <source>Copied</source>
        <translation>Zkopírováno</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopírovat</translation>
    </message>
    <message>
        <source>Check the connection</source>
        <translation>Zkontrolovat připojení</translation>
    </message>
    <message>
        <source>Select a synchronization to connect it with Entra.</source>
        <translation>Vyberte synchronizaci, kterou chcete připojit k Entra.</translation>
    </message>
    <message>
        <source>Endpoint URL (Entra&apos;s Tenant URL):</source>
        <translation>Endpoint URL (v Entra Adresa URL tenanta):</translation>
    </message>
    <message>
        <source>In Entra: Enterprise apps → your application → Provisioning</source>
        <translation>V Entra: Podnikové aplikace → vaše aplikace → Zřizování</translation>
    </message>
    <message>
        <source>Connect Entra</source>
        <translation>Připojení Entra</translation>
    </message>
    <message>
        <source>Connect Entra – %1</source>
        <translation>Připojení Entra – %1</translation>
    </message>
    <message>
        <source>Renamed: the old Tenant URL %1 still works as an alias, until Entra&apos;s first call on the new one. In Entra (Provisioning → Admin Credentials), set Tenant URL to the Endpoint URL above (Copy), keep the Secret Token, and save.</source>
        <translation>Přejmenováno: stará Adresa URL tenanta %1 funguje dál jako alias, dokud Entra poprvé nezavolá novou. V Entra (Zřizování → Přihlašovací údaje správce) nastavte Adresu URL tenanta na Endpoint URL výše (Kopírovat), Token tajného kódu ponechte a uložte.</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <source>Set Settings → Public base URL (the setting public_base_url) to the public HTTPS address of the reverse proxy in front of Sofa, e.g. https://sofa.example.com.</source>
        <translation>V Nastavení → Veřejná základní URL (nastavení public_base_url) zadejte veřejnou adresu HTTPS reverzní proxy, která stojí před aplikací Sofa, např. https://sofa.example.com.</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>Veřejná adresa</translation>
    </message>
    <message>
        <source>Name look-up (DNS)</source>
        <translation>Překlad názvu (DNS)</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certifikát TLS</translation>
    </message>
    <message>
        <source>Reaches this server</source>
        <translation>Vede na tento server</translation>
    </message>
    <message>
        <source>SCIM endpoint</source>
        <translation>SCIM endpoint</translation>
    </message>
    <message>
        <source>{url} is an HTTPS address.</source>
        <translation>{url} je adresa HTTPS.</translation>
    </message>
    <message>
        <source>{url} is not an HTTPS address; Entra calls only HTTPS addresses.</source>
        <translation>{url} není adresa HTTPS; Entra volá jen adresy HTTPS.</translation>
    </message>
    <message>
        <source>{url} names no host.</source>
        <translation>V adrese {url} chybí název serveru.</translation>
    </message>
    <message>
        <source>{url} points at this computer ({host}); Entra, in Microsoft&apos;s cloud, cannot reach it.</source>
        <translation>{url} ukazuje na tento počítač ({host}); Entra v cloudu Microsoftu se na něj nedostane.</translation>
    </message>
    <message>
        <source>{url} uses {host}, a private or reserved address that Entra cannot reach from the internet.</source>
        <translation>{url} používá {host}, soukromou nebo vyhrazenou adresu, na kterou se Entra z internetu nedostane.</translation>
    </message>
    <message>
        <source>{url} uses {host}, a name without a domain: only your local network can resolve it, Entra on the internet cannot.</source>
        <translation>{url} používá {host}, název bez domény: přeložit ho umí jen vaše místní síť, Entra z internetu ne.</translation>
    </message>
    <message>
        <source>{host} resolves to {addresses}.</source>
        <translation>{host} se překládá na {addresses}.</translation>
    </message>
    <message>
        <source>{host} is an IP address: nothing to look up.</source>
        <translation>{host} je adresa IP: není co překládat.</translation>
    </message>
    <message>
        <source>{host} resolves here to {addresses}, not a public address: Entra looks the name up on the internet and cannot reach a private one.</source>
        <translation>{host} se zde překládá na {addresses}, což není veřejná adresa: Entra hledá název na internetu a na soukromou adresu se nedostane.</translation>
    </message>
    <message>
        <source>Make sure the public DNS record of {host} points at the public address of your reverse proxy.</source>
        <translation>Ověřte, že veřejný záznam DNS pro {host} ukazuje na veřejnou adresu vaší reverzní proxy.</translation>
    </message>
    <message>
        <source>{host} does not resolve ({reason}).</source>
        <translation>{host} nelze přeložit ({reason}).</translation>
    </message>
    <message>
        <source>Create a DNS record (A or AAAA) for {host} that points at the public address of your reverse proxy, or correct the host name in Settings → Public base URL.</source>
        <translation>Vytvořte pro {host} záznam DNS (A nebo AAAA) s veřejnou adresou vaší reverzní proxy, nebo opravte název serveru v Nastavení → Veřejná základní URL.</translation>
    </message>
    <message>
        <source>The certificate of {host} is trusted and valid until {expires}.</source>
        <translation>Certifikát pro {host} je důvěryhodný a platí do {expires}.</translation>
    </message>
    <message>
        <source>The certificate of {host} expires on {expires} (days left: {days}); Entra refuses an expired certificate.</source>
        <translation>Certifikát pro {host} vyprší {expires} (zbývá dní: {days}); prošlý certifikát Entra odmítne.</translation>
    </message>
    <message>
        <source>Renew the certificate of {host} on the reverse proxy before {expires} (for Let&apos;s Encrypt, check that automatic renewal runs).</source>
        <translation>Obnovte certifikát pro {host} na reverzní proxy do {expires} (u Let&apos;s Encrypt ověřte, že běží automatické obnovování).</translation>
    </message>
    <message>
        <source>The certificate of {host} expired on {expires}; Entra refuses the connection.</source>
        <translation>Certifikátu pro {host} vypršela platnost {expires}; Entra připojení odmítne.</translation>
    </message>
    <message>
        <source>Renew the certificate of {host} on the reverse proxy.</source>
        <translation>Obnovte certifikát pro {host} na reverzní proxy.</translation>
    </message>
    <message>
        <source>The certificate at {host}:{port} is not valid for {host}: it is for {names}.</source>
        <translation>Certifikát na {host}:{port} neplatí pro {host}: je vystaven pro {names}.</translation>
    </message>
    <message>
        <source>Install on the reverse proxy a certificate whose names include {host}, or set the public base URL to a name the certificate covers.</source>
        <translation>Nainstalujte na reverzní proxy certifikát, jehož názvy zahrnují {host}, nebo nastavte veřejnou základní URL na název, který certifikát pokrývá.</translation>
    </message>
    <message>
        <source>The certificate at {host}:{port} is not trusted ({reason}).</source>
        <translation>Certifikát na {host}:{port} není důvěryhodný ({reason}).</translation>
    </message>
    <message>
        <source>Install a certificate from a public certificate authority (e.g. Let&apos;s Encrypt) with its full chain on the reverse proxy.</source>
        <translation>Nainstalujte na reverzní proxy certifikát od veřejné certifikační autority (např. Let&apos;s Encrypt) i s celým řetězcem.</translation>
    </message>
    <message>
        <source>No HTTPS connection to {host}:{port} ({reason}).</source>
        <translation>Spojení HTTPS s {host}:{port} nelze navázat ({reason}).</translation>
    </message>
    <message>
        <source>Start the reverse proxy and open port {port} to the internet in its firewall.</source>
        <translation>Spusťte reverzní proxy a ve firewallu otevřete port {port} do internetu.</translation>
    </message>
    <message>
        <source>{host}:{port} answers, but the TLS handshake fails ({reason}).</source>
        <translation>{host}:{port} odpovídá, ale navázání TLS selže ({reason}).</translation>
    </message>
    <message>
        <source>Let the reverse proxy terminate TLS 1.2 or newer on port {port}, or set the public base URL to the proxy&apos;s HTTPS port rather than the server&apos;s own.</source>
        <translation>Nechte reverzní proxy zakončovat TLS 1.2 nebo novější na portu {port}, nebo nastavte veřejnou základní URL na port HTTPS reverzní proxy, ne na vlastní port serveru.</translation>
    </message>
    <message>
        <source>{url} reached this server (instance {instance}, version {version}).</source>
        <translation>Přes {url} odpověděl tento server (instance {instance}, verze {version}).</translation>
    </message>
    <message>
        <source>{url} reached another Sofa server (instance {remote}), not this one (instance {local}).</source>
        <translation>Přes {url} odpověděl jiný server Sofa (instance {remote}), ne tento (instance {local}).</translation>
    </message>
    <message>
        <source>Point the reverse proxy at this computer&apos;s server, {local_url} (Settings → Embedded server), or run the check on the computer it points at.</source>
        <translation>Nasměrujte reverzní proxy na server tohoto počítače, {local_url} (Nastavení → Vestavěný server), nebo spusťte kontrolu na počítači, na který proxy ukazuje.</translation>
    </message>
    <message>
        <source>Start the server on this computer with a fixed port (Settings → Embedded server), then check again.</source>
        <translation>Spusťte server na tomto počítači s pevným portem (Nastavení → Vestavěný server) a zkontrolujte znovu.</translation>
    </message>
    <message>
        <source>{url} reached this server, but its database does not answer: Entra&apos;s calls fail.</source>
        <translation>Přes {url} odpověděl tento server, ale jeho databáze neodpovídá: volání z Entra selžou.</translation>
    </message>
    <message>
        <source>Start the database server (or free the database file), then check again.</source>
        <translation>Spusťte databázový server (nebo zpřístupněte soubor databáze) a zkontrolujte znovu.</translation>
    </message>
    <message>
        <source>{url} reached a Sofa server (instance {remote}), but the server on this computer ({local_url}) does not answer ({reason}), so it is unclear whether it is this one.</source>
        <translation>Přes {url} odpověděl server Sofa (instance {remote}), ale server na tomto počítači ({local_url}) neodpovídá ({reason}), takže nelze poznat, zda je to tento.</translation>
    </message>
    <message>
        <source>Start the server on this computer (the desktop app or sofa-scim serve), then check again.</source>
        <translation>Spusťte server na tomto počítači (desktopovou aplikaci nebo sofa-scim serve) a zkontrolujte znovu.</translation>
    </message>
    <message>
        <source>{url} reached a Sofa server (instance {remote}), but the address of the server on this computer is not known, so it is unclear whether it is this one.</source>
        <translation>Přes {url} odpověděl server Sofa (instance {remote}), ale adresa serveru na tomto počítači není známa, takže nelze poznat, zda je to tento.</translation>
    </message>
    <message>
        <source>{url} answered {answer}, not Sofa&apos;s health check, so it is unclear which server the reverse proxy reaches.</source>
        <translation>Adresa {url} odpověděla {answer}, ne kontrolou stavu Sofa, takže nelze poznat, na který server reverzní proxy vede.</translation>
    </message>
    <message>
        <source>Forward {path} on the reverse proxy to Sofa&apos;s server, as /scim/v2/ is.</source>
        <translation>Nastavte reverzní proxy, aby na server Sofa předávala i {path}, stejně jako /scim/v2/.</translation>
    </message>
    <message>
        <source>{url} did not answer ({reason}).</source>
        <translation>Adresa {url} neodpověděla ({reason}).</translation>
    </message>
    <message>
        <source>Make the reverse proxy forward to Sofa&apos;s server ({local_url}) and check that the server runs.</source>
        <translation>Nastavte reverzní proxy, aby předávala požadavky na server Sofa ({local_url}), a ověřte, že server běží.</translation>
    </message>
    <message>
        <source>A call to {url} with a wrong key got Sofa&apos;s SCIM answer 401: the path reaches Sofa.</source>
        <translation>Volání {url} se špatným klíčem dostalo od Sofa odpověď SCIM 401: cesta vede do Sofa.</translation>
    </message>
    <message>
        <source>A call to {url} with a wrong key got {answer}, not Sofa&apos;s SCIM answer 401: the path does not reach Sofa.</source>
        <translation>Volání {url} se špatným klíčem dostalo odpověď {answer}, ne odpověď SCIM 401 od Sofa: cesta do Sofa nevede.</translation>
    </message>
    <message>
        <source>Forward {path} on the reverse proxy to Sofa&apos;s server unchanged, with the Authorization header.</source>
        <translation>Nastavte reverzní proxy, aby předávala {path} na server Sofa beze změny, včetně hlavičky Authorization.</translation>
    </message>
    <message>
        <source>A call to {url} got no answer ({reason}).</source>
        <translation>Volání {url} nedostalo odpověď ({reason}).</translation>
    </message>
    <message>
        <source>Make the reverse proxy forward {path} to Sofa&apos;s server and check that the server runs.</source>
        <translation>Nastavte reverzní proxy, aby předávala {path} na server Sofa, a ověřte, že server běží.</translation>
    </message>
    <message>
        <source>Skipped: the public address must be fixed first.</source>
        <translation>Přeskočeno: nejprve je třeba opravit veřejnou adresu.</translation>
    </message>
    <message>
        <source>Skipped: {host} does not resolve.</source>
        <translation>Přeskočeno: {host} nelze přeložit.</translation>
    </message>
    <message>
        <source>Skipped: there is no trusted HTTPS connection to {host}.</source>
        <translation>Přeskočeno: s {host} není důvěryhodné spojení HTTPS.</translation>
    </message>
</context>
<context>
    <name>ConnectionCheckDialog</name>
    <message>
        <source>Check the connection – %1</source>
        <translation>Kontrola připojení – %1</translation>
    </message>
</context>
<context>
    <name>ConnectionCheckView</name>
    <message>
        <source>Check the connection</source>
        <translation>Zkontrolovat připojení</translation>
    </message>
    <message>
        <source>Checks what Entra&apos;s “Test connection” will meet at the Endpoint URL.</source>
        <translation>Ověří, na co narazí „Otestovat připojení“ v Entra na adrese Endpoint URL.</translation>
    </message>
    <message>
        <source>Checking… (at most half a minute)</source>
        <translation>Probíhá kontrola… (nejvýše půl minuty)</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Řešení:</translation>
    </message>
    <message>
        <source>Entra&apos;s “Test connection” will fail: fix the errors, then check again.</source>
        <translation>„Otestovat připojení“ v Entra selže: opravte chyby a zkontrolujte znovu.</translation>
    </message>
    <message>
        <source>It should work, but look at the warnings.</source>
        <translation>Mělo by to fungovat, ale podívejte se na upozornění.</translation>
    </message>
    <message>
        <source>Entra&apos;s “Test connection” should succeed.</source>
        <translation>„Otestovat připojení“ v Entra by mělo uspět.</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Kontrolu nelze provést: %1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Neočekávaná chyba</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; the app keeps running, but the last action may not have finished. The details are in the log file:
%1

Please send that file with a description of what you did to your Sofa support.</source>
        <translation>Došlo k neočekávané chybě; aplikace běží dál, ale poslední akce se možná nedokončila. Podrobnosti jsou v souboru protokolu:
%1

Pošlete prosím tento soubor spolu s popisem toho, co jste dělali, podpoře Sofa.</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>Zkopírovat podrobnosti</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <source>Users</source>
        <translation>Uživatelé</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Skupiny</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>DisableQuestion</name>
    <message>
        <source>Disable the synchronization “%1”? Entra&apos;s calls will be refused until you enable it again, and Entra may put the provisioning job in quarantine.</source>
        <translation>Deaktivovat synchronizaci „%1“? Volání z Entra budou odmítána, dokud ji znovu neaktivujete, a Entra může úlohu zřizování přesunout do karantény.</translation>
    </message>
    <message>
        <source>Disable synchronization</source>
        <translation>Deaktivovat synchronizaci</translation>
    </message>
</context>
<context>
    <name>EntraChecklist</name>
    <message>
        <source>1. Access key for Entra&apos;s Secret Token</source>
        <translation>1. Přístupový klíč pro Token tajného kódu v Entra</translation>
    </message>
    <message>
        <source>2. Test connection received</source>
        <translation>2. Přijat test připojení</translation>
    </message>
    <message>
        <source>3. First user provisioned</source>
        <translation>3. Zřízen první uživatel</translation>
    </message>
    <message>
        <source>4. First group provisioned</source>
        <translation>4. Zřízena první skupina</translation>
    </message>
    <message>
        <source>5. Last provisioning cycle</source>
        <translation>5. Poslední cyklus zřizování</translation>
    </message>
    <message>
        <source>Users provisioned: %1</source>
        <translation>Zřízeno uživatelů: %1</translation>
    </message>
    <message>
        <source>In Entra: Create, then Start provisioning, with users assigned.</source>
        <translation>V Entra: Vytvořit, pak Spustit zřizování, s přiřazenými uživateli.</translation>
    </message>
    <message>
        <source>Groups provisioned: %1</source>
        <translation>Zřízeno skupin: %1</translation>
    </message>
    <message>
        <source>In Entra: assign the groups to the application (Users and groups).</source>
        <translation>V Entra: přiřaďte aplikaci skupiny (Uživatelé a skupiny).</translation>
    </message>
    <message>
        <source>The key is valid until %1.</source>
        <translation>Klíč platí do %1.</translation>
    </message>
    <message>
        <source>The key has expired: generate a new one in Access details.</source>
        <translation>Platnost klíče skončila: vygenerujte nový v Přístupových údajích.</translation>
    </message>
    <message>
        <source>Generate a key in Access details and paste it with the URL.</source>
        <translation>Vygenerujte klíč v Přístupových údajích a vložte ho spolu s URL.</translation>
    </message>
    <message>
        <source>A call with the key arrived %1.</source>
        <translation>Volání s klíčem přišlo %1.</translation>
    </message>
    <message>
        <source>Calls arrive, but without the right key: see the list.</source>
        <translation>Volání přicházejí, ale bez správného klíče: viz seznam.</translation>
    </message>
    <message>
        <source>In Entra: Provisioning → Test connection.</source>
        <translation>V Entra: Zřizování → Otestovat připojení.</translation>
    </message>
    <message>
        <source>Entra runs a cycle about every 40 minutes.</source>
        <translation>Entra spouští cyklus přibližně každých 40 minut.</translation>
    </message>
    <message>
        <source>Last call %1.</source>
        <translation>Poslední volání %1.</translation>
    </message>
    <message>
        <source>No cycle has provisioned anything yet.</source>
        <translation>Žádný cyklus zatím nic nezřídil.</translation>
    </message>
    <message>
        <source>No success for a day: is provisioning on?</source>
        <translation>Den bez úspěchu: je zřizování zapnuté?</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A key is valid for {low} to {high} days, not {days}.</source>
        <translation>Klíč platí {low} až {high} dní, ne {days}.</translation>
    </message>
    <message>
        <source>The user name is required.</source>
        <translation>Uživatelské jméno je povinné.</translation>
    </message>
    <message>
        <source>&apos;{email}&apos; is not an e-mail address.</source>
        <translation>„{email}“ není e-mailová adresa.</translation>
    </message>
    <message>
        <source>A user named &apos;{user_name}&apos; already exists.</source>
        <translation>Uživatel „{user_name}“ už existuje.</translation>
    </message>
    <message>
        <source>{user_name} already has &apos;{name}&apos; granted by hand.</source>
        <translation>{user_name} už má „{name}“ přidělené ručně.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was granted to {user_name} by a synchronization; it follows Entra and cannot be withdrawn by hand.</source>
        <translation>„{name}“ uživateli {user_name} přidělila synchronizace; řídí se podle Entra a ručně odebrat nejde.</translation>
    </message>
    <message>
        <source>{user_name} does not have &apos;{name}&apos;.</source>
        <translation>{user_name} nemá „{name}“.</translation>
    </message>
    <message>
        <source>No user named &apos;{user_name}&apos;.</source>
        <translation>Uživatel „{user_name}“ neexistuje.</translation>
    </message>
    <message>
        <source>The group name is required.</source>
        <translation>Název skupiny je povinný.</translation>
    </message>
    <message>
        <source>The role name is required.</source>
        <translation>Název role je povinný.</translation>
    </message>
    <message>
        <source>A group named &apos;{name}&apos; already exists.</source>
        <translation>Skupina „{name}“ už existuje.</translation>
    </message>
    <message>
        <source>A role named &apos;{name}&apos; already exists.</source>
        <translation>Role „{name}“ už existuje.</translation>
    </message>
    <message>
        <source>No group named &apos;{name}&apos;.</source>
        <translation>Skupina „{name}“ neexistuje.</translation>
    </message>
    <message>
        <source>No role named &apos;{name}&apos;.</source>
        <translation>Role „{name}“ neexistuje.</translation>
    </message>
    <message>
        <source>The built-in role &apos;{name}&apos; cannot be renamed.</source>
        <translation>Vestavěnou roli „{name}“ nelze přejmenovat.</translation>
    </message>
    <message>
        <source>The built-in role &apos;{name}&apos; cannot be deleted.</source>
        <translation>Vestavěnou roli „{name}“ nelze smazat.</translation>
    </message>
    <message>
        <source>No synchronization with the identifier &apos;{identifier}&apos;.</source>
        <translation>Synchronizace s identifikátorem „{identifier}“ neexistuje.</translation>
    </message>
    <message>
        <source>Expected an address such as https://sofa.example.com.</source>
        <translation>Očekává se adresa jako https://sofa.example.com.</translation>
    </message>
    <message>
        <source>Expected a port number from 0 (any free port) to 65535.</source>
        <translation>Očekává se číslo portu od 0 (libovolný volný port) do 65535.</translation>
    </message>
    <message>
        <source>Expected one of: {choices}.</source>
        <translation>Očekává se jedna z hodnot: {choices}.</translation>
    </message>
    <message>
        <source>Expected a whole number of days, at least 1.</source>
        <translation>Očekává se celý počet dní, nejméně 1.</translation>
    </message>
    <message>
        <source>Expected a host name or address without spaces, e.g. smtp.example.com.</source>
        <translation>Očekává se název nebo adresa serveru bez mezer, např. smtp.example.com.</translation>
    </message>
    <message>
        <source>Expected an e-mail address such as sofa@example.com.</source>
        <translation>Očekává se e-mailová adresa jako sofa@example.com.</translation>
    </message>
    <message>
        <source>Unknown setting &apos;{key}&apos;. Known: {known}.</source>
        <translation>Neznámé nastavení „{key}“. Známá: {known}.</translation>
    </message>
    <message>
        <source>Cannot write the support bundle: no folder {folder}.</source>
        <translation>Balíček pro podporu nelze zapsat: složka {folder} neexistuje.</translation>
    </message>
    <message>
        <source>Cannot write the support bundle to {path}: {reason}.</source>
        <translation>Balíček pro podporu nelze zapsat do {path}: {reason}.</translation>
    </message>
    <message>
        <source>No Sofa group named &apos;{name}&apos;.</source>
        <translation>Skupina Sofa „{name}“ neexistuje.</translation>
    </message>
    <message>
        <source>No Sofa role named &apos;{name}&apos;.</source>
        <translation>Role Sofa „{name}“ neexistuje.</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>Název je povinný.</translation>
    </message>
    <message>
        <source>The logging level must be one of {levels}.</source>
        <translation>Úroveň logování musí být jedna z: {levels}.</translation>
    </message>
    <message>
        <source>The identifier &apos;{identifier}&apos; is already used by &apos;{name}&apos;.</source>
        <translation>Identifikátor „{identifier}“ už používá „{name}“.</translation>
    </message>
    <message>
        <source>No mapping of {remote} to the group &apos;{name}&apos;.</source>
        <translation>Skupina {remote} není namapována na skupinu „{name}“.</translation>
    </message>
    <message>
        <source>No mapping of {remote} to the role &apos;{name}&apos;.</source>
        <translation>Skupina {remote} není namapována na roli „{name}“.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a remote group identifier: expected the group&apos;s Object Id, a GUID such as 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0.</source>
        <translation>„{value}“ není identifikátor vzdálené skupiny: očekává se Object Id skupiny, GUID jako 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not written as a GUID (8-4-4-4-12 hexadecimal digits).</source>
        <translation>„{value}“ není zapsán jako GUID (8-4-4-4-12 šestnáctkových číslic).</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Sofa groups. A synchronization&apos;s group mapping makes the members of an Entra group members of a Sofa group; an admin can also grant a group by hand on the Users tab.</source>
        <translation>Skupiny v Sofa. Mapování členství ve skupinách v synchronizaci dělá ze členů skupiny v Entra členy skupiny v Sofa; správce může skupinu přidělit i ručně na kartě Uživatelé.</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>Přidat skupinu</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Přejmenovat skupinu</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>Název skupiny:</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Smazat skupinu</translation>
    </message>
    <message>
        <source>Delete the group %1? Its %3 members lose it.</source>
        <translation>Smazat skupinu %1? Její členové (%3) o ni přijdou.</translation>
    </message>
    <message>
        <source>The group %1 is mapped by the synchronizations: %2.

Deleting it also removes those mappings and the membership of its %3 members, including the memberships the synchronizations derived from Entra. Delete it?</source>
        <translation>Skupinu %1 mapují tyto synchronizace: %2.

Smazáním zmizí i tato mapování a členství všech jejích členů (%3), včetně členství, která synchronizace převzaly z Entra. Skupinu smazat?</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Skupiny</translation>
    </message>
</context>
<context>
    <name>HealthWords</name>
    <message>
        <source>Refused: no key</source>
        <translation>Odmítáno: chybí klíč</translation>
    </message>
    <message>
        <source>Refused: wrong key</source>
        <translation>Odmítáno: chybný klíč</translation>
    </message>
    <message>
        <source>Refused: key expired</source>
        <translation>Odmítáno: klíč vypršel</translation>
    </message>
    <message>
        <source>Refused: replaced key</source>
        <translation>Odmítáno: nahrazený klíč</translation>
    </message>
    <message>
        <source>Refused: was disabled</source>
        <translation>Odmítáno: byla neaktivní</translation>
    </message>
    <message>
        <source>Refused: old Tenant URL</source>
        <translation>Odmítáno: stará adresa tenanta</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Odmítáno</translation>
    </message>
    <message>
        <source>Entra&apos;s calls carry no access key.</source>
        <translation>Volání z Entra nenesou žádný přístupový klíč.</translation>
    </message>
    <message>
        <source>Entra&apos;s calls carry a wrong access key.</source>
        <translation>Volání z Entra nesou chybný přístupový klíč.</translation>
    </message>
    <message>
        <source>Entra&apos;s calls carry an access key that has expired.</source>
        <translation>Volání z Entra nesou přístupový klíč, jehož platnost skončila.</translation>
    </message>
    <message>
        <source>Entra&apos;s calls carry an access key that a newer one replaced.</source>
        <translation>Volání z Entra nesou přístupový klíč, který byl nahrazen novějším.</translation>
    </message>
    <message>
        <source>Entra called while the synchronization was disabled.</source>
        <translation>Entra volala, když byla synchronizace neaktivní.</translation>
    </message>
    <message>
        <source>Entra calls the Tenant URL of the synchronization&apos;s old identifier.</source>
        <translation>Entra volá Adresu URL tenanta se starým identifikátorem synchronizace.</translation>
    </message>
    <message>
        <source>Entra&apos;s calls are refused.</source>
        <translation>Volání z Entra jsou odmítána.</translation>
    </message>
    <message>
        <source>In Entra (Provisioning → Admin Credentials), paste the key from Access details into Secret Token.</source>
        <translation>V Entra (Zřizování → Přihlašovací údaje správce) vložte klíč z Přístupových údajů do pole Token tajného kódu.</translation>
    </message>
    <message>
        <source>Generate a key in Access details and paste it into Secret Token in Entra (Provisioning → Admin Credentials).</source>
        <translation>Vygenerujte klíč v Přístupových údajích a vložte ho v Entra do pole Token tajného kódu (Zřizování → Přihlašovací údaje správce).</translation>
    </message>
    <message>
        <source>Generate a new key in Access details and paste it into Secret Token in Entra.</source>
        <translation>Vygenerujte nový klíč v Přístupových údajích a vložte ho v Entra do pole Token tajného kódu.</translation>
    </message>
    <message>
        <source>Paste the newest key from Access details into Secret Token in Entra.</source>
        <translation>Vložte nejnovější klíč z Přístupových údajů v Entra do pole Token tajného kódu.</translation>
    </message>
    <message>
        <source>Enable the synchronization, or stop provisioning in Entra.</source>
        <translation>Aktivujte synchronizaci, nebo v Entra zastavte zřizování.</translation>
    </message>
    <message>
        <source>In Entra, set Tenant URL to the Endpoint URL shown in Connect Entra.</source>
        <translation>V Entra nastavte Adresu URL tenanta na Endpoint URL zobrazenou v Připojení Entra.</translation>
    </message>
    <message>
        <source>See Display the logs for the reason.</source>
        <translation>Důvod najdete v Zobrazit logy.</translation>
    </message>
    <message numerus="yes">
        <source>No call for %n days</source>
        <translation>
            <numerusform>Bez volání %n den</numerusform>
            <numerusform>Bez volání %n dny</numerusform>
            <numerusform>Bez volání %n dní</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No call for %n hours</source>
        <translation>
            <numerusform>Bez volání %n hodinu</numerusform>
            <numerusform>Bez volání %n hodiny</numerusform>
            <numerusform>Bez volání %n hodin</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>V pořádku</translation>
    </message>
    <message numerus="yes">
        <source>Failing: %1 of %n calls</source>
        <translation>
            <numerusform>Selhává: %1 z %n volání</numerusform>
            <numerusform>Selhává: %1 z %n volání</numerusform>
            <numerusform>Selhává: %1 z %n volání</numerusform>
        </translation>
    </message>
    <message>
        <source>Not called yet</source>
        <translation>Zatím bez volání</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Neaktivní</translation>
    </message>
    <message>
        <source>The synchronization is disabled: Sofa refuses Entra&apos;s calls.</source>
        <translation>Synchronizace je neaktivní: Sofa volání z Entra odmítá.</translation>
    </message>
    <message>
        <source>Entra has not called yet.</source>
        <translation>Entra zatím nevolala.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n calls in the last 24 hours failed.</source>
        <translation>
            <numerusform>Za posledních 24 hodin selhalo %1 z %n volání.</numerusform>
            <numerusform>Za posledních 24 hodin selhalo %1 z %n volání.</numerusform>
            <numerusform>Za posledních 24 hodin selhalo %1 z %n volání.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entra has not called for %n days.</source>
        <translation>
            <numerusform>Entra nevolala %n den.</numerusform>
            <numerusform>Entra nevolala %n dny.</numerusform>
            <numerusform>Entra nevolala %n dní.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entra has not called for %n hours.</source>
        <translation>
            <numerusform>Entra nevolala %n hodinu.</numerusform>
            <numerusform>Entra nevolala %n hodiny.</numerusform>
            <numerusform>Entra nevolala %n hodin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entra&apos;s calls are answered; %n failed in the last 24 hours.</source>
        <translation>
            <numerusform>Volání z Entra dostávají odpověď; za posledních 24 hodin %n selhalo.</numerusform>
            <numerusform>Volání z Entra dostávají odpověď; za posledních 24 hodin %n selhala.</numerusform>
            <numerusform>Volání z Entra dostávají odpověď; za posledních 24 hodin jich %n selhalo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entra&apos;s calls are answered.</source>
        <translation>Volání z Entra dostávají odpověď.</translation>
    </message>
    <message>
        <source>Display the logs shows each failed call with its fix.</source>
        <translation>Zobrazit logy ukáže každé neúspěšné volání i s řešením.</translation>
    </message>
    <message>
        <source>Enable it (Enable synchronization) when Entra should provision again.</source>
        <translation>Až má Entra znovu zřizovat, aktivujte ji (Aktivovat synchronizaci).</translation>
    </message>
    <message>
        <source>Paste the Endpoint URL into Entra as the Tenant URL and the key as the Secret Token, then click Test Connection.</source>
        <translation>V Entra vložte Endpoint URL do pole Adresa URL tenanta a klíč do pole Token tajného kódu, pak klepněte na Otestovat připojení.</translation>
    </message>
    <message numerus="yes">
        <source>Refused in the last 24 hours: %n.</source>
        <translation>
            <numerusform>Odmítnuto za posledních 24 hodin: %n.</numerusform>
            <numerusform>Odmítnuto za posledních 24 hodin: %n.</numerusform>
            <numerusform>Odmítnuto za posledních 24 hodin: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>It calls about every 40 minutes.</source>
        <translation>Volá přibližně každých 40 minut.</translation>
    </message>
    <message>
        <source>Check in Entra that provisioning is on and not in quarantine (Provisioning → Overview).</source>
        <translation>Ověřte v Entra, že je zřizování zapnuté a není v karanténě (Zřizování → Přehled).</translation>
    </message>
    <message>
        <source>Entra will put the job in quarantine if this goes on.</source>
        <translation>Bude-li to pokračovat, Entra úlohu umístí do karantény.</translation>
    </message>
    <message>
        <source>Entra quarantines a job whose calls mostly fail.</source>
        <translation>Úlohu, jejíž volání většinou selhávají, Entra umístí do karantény.</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Poslední chyba: %1</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Řešení:</translation>
    </message>
    <message>
        <source>Every synchronization: Entra&apos;s calls are answered.</source>
        <translation>Všechny synchronizace: volání z Entra dostávají odpověď.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n selhalo</numerusform>
            <numerusform>%n selhala</numerusform>
            <numerusform>%n selhalo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n odmítnuto</numerusform>
            <numerusform>%n odmítnuta</numerusform>
            <numerusform>%n odmítnuto</numerusform>
        </translation>
    </message>
    <message>
        <source>No failures</source>
        <translation>Bez chyb</translation>
    </message>
    <message>
        <source>Calls in the last 24 hours: %1 (failed: %2, refused: %3).</source>
        <translation>Volání za posledních 24 hodin: %1 (selhalo: %2, odmítnuto: %3).</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Sofa SCIM Desktop Help</source>
        <translation>Nápověda Sofa SCIM Desktop</translation>
    </message>
</context>
<context>
    <name>KeyReplaceQuestion</name>
    <message>
        <source>Replace the access key?</source>
        <translation>Nahradit přístupový klíč?</translation>
    </message>
    <message>
        <source>Keep the old key working for up to 24 hours</source>
        <translation>Ponechat starý klíč funkční až 24 hodin</translation>
    </message>
    <message>
        <source>Revoke the old key now</source>
        <translation>Starý klíč hned zneplatnit</translation>
    </message>
    <message>
        <source>Replace key</source>
        <translation>Nahradit klíč</translation>
    </message>
    <message>
        <source>What should happen to the current key?</source>
        <translation>Co se má stát se současným klíčem?</translation>
    </message>
    <message>
        <source>Entra keeps provisioning with it until its first call with the new key, at most 24 hours, while you paste the new key into Entra.</source>
        <translation>Entra s ním dál zřizuje až do prvního volání s novým klíčem, nejvýše 24 hodin, než nový klíč vložíte do Entra.</translation>
    </message>
    <message>
        <source>For a key that may have leaked: Entra&apos;s calls are refused until you paste the new key into Entra.</source>
        <translation>Pro klíč, který mohl uniknout: volání z Entra budou odmítána, dokud do Entra nevložíte nový klíč.</translation>
    </message>
</context>
<context>
    <name>LogDetail</name>
    <message>
        <source>Select an entry to see its details.</source>
        <translation>Vyberte záznam a uvidíte jeho podrobnosti.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Co se stalo</translation>
    </message>
    <message>
        <source>Detail as recorded</source>
        <translation>Podrobnosti, jak byly zaznamenány</translation>
    </message>
    <message>
        <source>Request as Entra sent it</source>
        <translation>Požadavek, jak ho Entra poslala</translation>
    </message>
    <message>
        <source>Entra&apos;s forms normalised: operation names in lower case, the schema&apos;s attribute names, &quot;True&quot; and &quot;False&quot; as booleans, members as a list of ids.</source>
        <translation>Formy z Entra po normalizaci: názvy operací malými písmeny, názvy atributů podle schématu, „True“ a „False“ jako logické hodnoty, členové jako seznam ID.</translation>
    </message>
    <message>
        <source>Operations as Sofa understood them</source>
        <translation>Operace, jak jim Sofa porozuměla</translation>
    </message>
    <message>
        <source>Change in Sofa</source>
        <translation>Změna v Sofa</translation>
    </message>
    <message>
        <source>Nothing more was recorded.</source>
        <translation>Nic dalšího se nezaznamenalo.</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>(bez těla)</translation>
    </message>
    <message>
        <source>Nothing to apply: the call sent no body.</source>
        <translation>Není co provést: volání neposlalo žádné tělo.</translation>
    </message>
    <message>
        <source>Nothing changed in Sofa.</source>
        <translation>V Sofa se nic nezměnilo.</translation>
    </message>
    <message>
        <source>Sofa answered %1</source>
        <translation>Sofa odpověděla %1</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>Critical</source>
        <translation>Kritická chyba</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Chyba</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varování</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informace</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Čas</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Úroveň</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Událost</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Zpráva</translation>
    </message>
</context>
<context>
    <name>LogTexts</name>
    <message>
        <source>Call</source>
        <translation>Volání</translation>
    </message>
    <message>
        <source>Call refused</source>
        <translation>Volání odmítnuto</translation>
    </message>
    <message>
        <source>Call failed</source>
        <translation>Volání selhalo</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>Uživatel vytvořen</translation>
    </message>
    <message>
        <source>User updated</source>
        <translation>Uživatel upraven</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>Uživatel deaktivován</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>Uživatel aktivován</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>Uživatel odstraněn</translation>
    </message>
    <message>
        <source>Group created</source>
        <translation>Skupina vytvořena</translation>
    </message>
    <message>
        <source>Group updated</source>
        <translation>Skupina upravena</translation>
    </message>
    <message>
        <source>Group members changed</source>
        <translation>Změna členů skupiny</translation>
    </message>
    <message>
        <source>Group deleted</source>
        <translation>Skupina odstraněna</translation>
    </message>
    <message>
        <source>E-mail not sent</source>
        <translation>E-mail neodeslán</translation>
    </message>
    <message>
        <source>E-mail unusable</source>
        <translation>Nepoužitelný e-mail</translation>
    </message>
    <message>
        <source>User %1 created</source>
        <translation>Uživatel %1 vytvořen</translation>
    </message>
    <message>
        <source>no field Sofa keeps changed</source>
        <translation>žádné pole v Sofa se nezměnilo</translation>
    </message>
    <message>
        <source>User %1 deleted (kept in Sofa, deactivated)</source>
        <translation>Uživatel %1 odstraněn (v Sofa zůstává, deaktivovaný)</translation>
    </message>
    <message>
        <source>Group %1 created</source>
        <translation>Skupina %1 vytvořena</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Skupina %1</translation>
    </message>
    <message>
        <source>Group %1 deleted</source>
        <translation>Skupina %1 odstraněna</translation>
    </message>
    <message>
        <source>%1 has no work e-mail, so no e-mail was sent to them.</source>
        <translation>%1 nemá pracovní e-mail, proto se žádný e-mail neodeslal.</translation>
    </message>
    <message>
        <source>%1: the work e-mail &apos;%2&apos; is not an e-mail address; it is kept as Entra sent it, but no e-mail is sent to it. Correct the mail attribute in Entra.</source>
        <translation>%1: pracovní e-mail „%2“ není e-mailová adresa; je uložen tak, jak ho Entra poslala, ale žádný e-mail se na něj neposílá. Opravte atribut mail v Entra.</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>Logs – %1</source>
        <translation>Logy – %1</translation>
    </message>
    <message>
        <source>Search the messages</source>
        <translation>Hledat ve zprávách</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Exportovat do CSV…</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Všechny úrovně</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Informace a vyšší</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Varování a chyby</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Jen chyby</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Úroveň:</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n záznam</numerusform>
            <numerusform>%n záznamy</numerusform>
            <numerusform>%n záznamů</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 záznam</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Exportovat log</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Soubory CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>LoggingTab</name>
    <message>
        <source>Logging level</source>
        <translation>Úroveň logování</translation>
    </message>
    <message>
        <source>How much the synchronization writes to its transaction log:</source>
        <translation>Kolik toho synchronizace zapisuje do svého transakčního logu:</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varování</translation>
    </message>
    <message>
        <source>The lowest level: only warnings, errors and critical errors.</source>
        <translation>Nejnižší stupeň: zaznamenávají se pouze varování, chyby a kritické chyby.</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informace</translation>
    </message>
    <message>
        <source>Also one entry per operation: user created, updated or disabled, group membership changed.</source>
        <translation>Navíc jeden záznam za každou operaci: uživatel vytvořen, upraven nebo deaktivován, změna členství ve skupině.</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>The highest level: also each request and answer in detail, with keys and passwords hidden. Use it to solve problems.</source>
        <translation>Nejvyšší stupeň: navíc podrobně každý požadavek a odpověď, se skrytými klíči a hesly. Slouží jako podklad pro řešení problémů.</translation>
    </message>
</context>
<context>
    <name>MailKind</name>
    <message>
        <source>Welcome</source>
        <translation>Uvítání</translation>
    </message>
    <message>
        <source>Password link</source>
        <translation>Odkaz pro heslo</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Selhání</translation>
    </message>
    <message>
        <source>Key expiry</source>
        <translation>Expirace klíče</translation>
    </message>
    <message>
        <source>No calls</source>
        <translation>Bez volání</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
</context>
<context>
    <name>MailState</name>
    <message>
        <source>Waiting</source>
        <translation>Čeká</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Odesláno</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Neodesláno</translation>
    </message>
    <message>
        <source>Handed to the SMTP server.</source>
        <translation>Předáno serveru SMTP.</translation>
    </message>
    <message>
        <source>Given up after repeated attempts; see the last error.</source>
        <translation>Po opakovaných pokusech vzdáno; viz poslední chyba.</translation>
    </message>
    <message>
        <source>Not sent yet; next attempt at %1. Sending is retried until it succeeds.</source>
        <translation>Zatím neodesláno; další pokus v %1. Odesílání se opakuje, dokud neuspěje.</translation>
    </message>
</context>
<context>
    <name>MailTestBox</name>
    <message>
        <source>Test e-mail</source>
        <translation>Zkušební e-mail</translation>
    </message>
    <message>
        <source>Recipient, e.g. admin@example.com</source>
        <translation>Příjemce, např. admin@example.com</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Odeslat zkušební e-mail</translation>
    </message>
    <message>
        <source>Save the changed e-mail settings first: the test uses the saved ones.</source>
        <translation>Nejprve uložte změněné nastavení e-mailu: test používá uložené hodnoty.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Odesílám…</translation>
    </message>
    <message>
        <source>Sent to %1. Check that it arrived.</source>
        <translation>Odesláno na %1. Zkontrolujte, že dorazil.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Neodesláno: %1</translation>
    </message>
    <message>
        <source>Waiting in the mail outbox; it is retried. Last error: %1</source>
        <translation>Čeká v odchozí poště; odeslání se zopakuje. Poslední chyba: %1</translation>
    </message>
    <message>
        <source>Still waiting in the mail outbox; it is retried.</source>
        <translation>Stále čeká v odchozí poště; odeslání se zopakuje.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sofa SCIM Desktop</source>
        <translation>Sofa SCIM Desktop</translation>
    </message>
    <message>
        <source>Sofa 365 Bridge</source>
        <translation>Sofa 365 Bridge</translation>
    </message>
    <message>
        <source>User synchronization</source>
        <translation>Synchronizace uživatelů</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Adresář</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Nastavení</translation>
    </message>
    <message>
        <source>Mail outbox</source>
        <translation>Odchozí pošta</translation>
    </message>
    <message>
        <source>SCIM server running on %1</source>
        <translation>SCIM server běží na %1</translation>
    </message>
    <message>
        <source>SCIM server stopped</source>
        <translation>SCIM server je zastaven</translation>
    </message>
</context>
<context>
    <name>MappingTab</name>
    <message>
        <source>Group in Sofa</source>
        <translation>Skupina v Sofa</translation>
    </message>
    <message>
        <source>Role in Sofa</source>
        <translation>Role v Sofa</translation>
    </message>
    <message>
        <source>Remote group identifier</source>
        <translation>Identifikátor vzdálené skupiny</translation>
    </message>
    <message>
        <source>Entra group</source>
        <translation>Skupina v Entra</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Přidat řádek</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Odebrat řádek</translation>
    </message>
    <message>
        <source>There are no Sofa groups yet: add a row and create one with its + button.</source>
        <translation>V Sofa zatím nejsou žádné skupiny: přidejte řádek a vytvořte skupinu jeho tlačítkem +.</translation>
    </message>
    <message>
        <source>There are no Sofa roles yet: add a row and create one with its + button.</source>
        <translation>V Sofa zatím nejsou žádné role: přidejte řádek a vytvořte roli jeho tlačítkem +.</translation>
    </message>
    <message>
        <source>Members of a remote group (its Object Id in the Microsoft Entra admin center, Groups → All groups) become members of the Sofa group.</source>
        <translation>Členové vzdálené skupiny (její ID objektu v Centru pro správu Microsoft Entra, Skupiny → Všechny skupiny) se stanou členy skupiny v Sofa.</translation>
    </message>
    <message>
        <source>Members of a remote group (its Object Id in the Microsoft Entra admin center, Groups → All groups) receive the Sofa role.</source>
        <translation>Členové vzdálené skupiny (její ID objektu v Centru pro správu Microsoft Entra, Skupiny → Všechny skupiny) dostanou roli v Sofa.</translation>
    </message>
    <message>
        <source>Create a new Sofa group for this row (it is created at once)</source>
        <translation>Vytvořit pro tento řádek novou skupinu v Sofa (vytvoří se hned)</translation>
    </message>
    <message>
        <source>Create a new Sofa role for this row (it is created at once)</source>
        <translation>Vytvořit pro tento řádek novou roli v Sofa (vytvoří se hned)</translation>
    </message>
    <message>
        <source>New Sofa group</source>
        <translation>Nová skupina v Sofa</translation>
    </message>
    <message>
        <source>Name of the new Sofa group:</source>
        <translation>Název nové skupiny v Sofa:</translation>
    </message>
    <message>
        <source>New Sofa role</source>
        <translation>Nová role v Sofa</translation>
    </message>
    <message>
        <source>Name of the new Sofa role:</source>
        <translation>Název nové role v Sofa:</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n člen</numerusform>
            <numerusform>%n členové</numerusform>
            <numerusform>%n členů</numerusform>
        </translation>
    </message>
    <message>
        <source>Entra has sent this group: %1, with %2.</source>
        <translation>Entra tuto skupinu poslal: %1, počet členů: %2.</translation>
    </message>
    <message>
        <source>Never sent by Entra</source>
        <translation>Entra ji nikdy neposlal</translation>
    </message>
    <message>
        <source>Entra has never sent a group with this Object Id: a typo, or the group is not assigned to the enterprise application (Users and groups) yet.</source>
        <translation>Entra nikdy neposlal skupinu s tímto ID objektu: buď je v něm překlep, nebo skupina zatím není přiřazena podnikové aplikaci (Uživatelé a skupiny).</translation>
    </message>
    <message>
        <source>Row %1 gives the built-in role %2 to every member of the Entra group %3 (%4): check that all of them should have it.</source>
        <translation>Řádek %1 dává vestavěnou roli %2 všem členům skupiny %3 v Entra (%4): ověřte, že ji mají mít všichni.</translation>
    </message>
    <message>
        <source>Row %1 gives the built-in role %2 to every member of the Entra group: check that all of them should have it.</source>
        <translation>Řádek %1 dává vestavěnou roli %2 všem členům skupiny v Entra: ověřte, že ji mají mít všichni.</translation>
    </message>
    <message>
        <source>Row %1: choose a Sofa group or role, or create one with the + button.</source>
        <translation>Řádek %1: vyberte skupinu nebo roli v Sofa, nebo ji vytvořte tlačítkem +.</translation>
    </message>
    <message>
        <source>Object Id, e.g. %1</source>
        <translation>ID objektu, např. %1</translation>
    </message>
    <message>
        <source>Row %1: enter the remote group identifier.</source>
        <translation>Řádek %1: zadejte identifikátor vzdálené skupiny.</translation>
    </message>
    <message>
        <source>Row %1: &apos;%2&apos; is not a GUID such as %3 (the group&apos;s Object Id).</source>
        <translation>Řádek %1: „%2“ není GUID jako %3 (ID objektu skupiny).</translation>
    </message>
    <message>
        <source>Row %1 repeats an earlier row.</source>
        <translation>Řádek %1 opakuje některý předchozí řádek.</translation>
    </message>
</context>
<context>
    <name>MembershipsBox</name>
    <message>
        <source>Grant by hand…</source>
        <translation>Přidělit ručně…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Odebrat</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Žádné</translation>
    </message>
    <message>
        <source>%1 — granted by hand</source>
        <translation>%1 — přiděleno ručně</translation>
    </message>
    <message>
        <source>%1 — from synchronization %2</source>
        <translation>%1 — ze synchronizace %2</translation>
    </message>
    <message>
        <source>%1 — from synchronization %2, Entra group %3</source>
        <translation>%1 — ze synchronizace %2, skupina %3 v Entra</translation>
    </message>
    <message>
        <source>Derived by synchronization %1 from Entra group membership; it follows Entra and cannot be withdrawn by hand.</source>
        <translation>Převzato synchronizací %1 z členství ve skupině v Entra; řídí se podle Entra a ručně ho odebrat nelze.</translation>
    </message>
    <message>
        <source>Derived by synchronization %1: the user is a member of the Entra group %2 (Object Id %3), which a mapping of %1 names. It follows Entra and cannot be withdrawn by hand.</source>
        <translation>Převzato synchronizací %1: uživatel je členem skupiny %2 v Entra (ID objektu %3), kterou uvádí mapování synchronizace %1. Řídí se podle Entra a ručně ho odebrat nelze.</translation>
    </message>
    <message>
        <source>Select a membership granted by hand to withdraw it.</source>
        <translation>Vyberte ručně přidělené členství, které chcete odebrat.</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <source>&amp;New SCIM synchronization…</source>
        <translation>&amp;Nová SCIM synchronizace…</translation>
    </message>
    <message>
        <source>New &amp;local user…</source>
        <translation>Nový &amp;místní uživatel…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ukončit</translation>
    </message>
    <message>
        <source>&amp;Synchronization</source>
        <translation>S&amp;ynchronizace</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Zobrazení</translation>
    </message>
    <message>
        <source>&amp;User synchronization</source>
        <translation>&amp;Synchronizace uživatelů</translation>
    </message>
    <message>
        <source>&amp;Directory</source>
        <translation>&amp;Adresář</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>Nas&amp;tavení</translation>
    </message>
    <message>
        <source>&amp;Mail outbox</source>
        <translation>&amp;Odchozí pošta</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>O&amp;bnovit</translation>
    </message>
    <message>
        <source>&amp;Find user…</source>
        <translation>&amp;Najít uživatele…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <source>Sofa SCIM Desktop &amp;Help</source>
        <translation>&amp;Nápověda Sofa SCIM Desktop</translation>
    </message>
    <message>
        <source>&amp;About Sofa SCIM Desktop</source>
        <translation>&amp;O aplikaci Sofa SCIM Desktop</translation>
    </message>
</context>
<context>
    <name>NamesModel</name>
    <message>
        <source>Name</source>
        <translation>Název</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Členové</translation>
    </message>
    <message>
        <source>Mapped by</source>
        <translation>Mapují synchronizace</translation>
    </message>
    <message>
        <source>A built-in role of Sofa: it cannot be renamed or deleted.</source>
        <translation>Vestavěná role Sofa: nelze ji přejmenovat ani smazat.</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (vestavěná)</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <source>Add…</source>
        <translation>Přidat…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Přejmenovat…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Smazat…</translation>
    </message>
    <message>
        <source>Built-in roles of Sofa cannot be renamed or deleted.</source>
        <translation>Vestavěné role Sofa nelze přejmenovat ani smazat.</translation>
    </message>
    <message>
        <source>Select a row first.</source>
        <translation>Nejprve vyberte řádek.</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New local user</source>
        <translation>Nový místní uživatel</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Vytvořit uživatele</translation>
    </message>
    <message>
        <source>A local user is kept in Sofa and never changed by a synchronization. Give them the Administrator role to receive the failure e-mails.</source>
        <translation>Místní uživatel je uložen v Sofa a žádná synchronizace ho nemění. Přidělte mu roli Administrátor, aby dostával e-maily o selhání.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Uživatelské jméno</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jméno</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Příjmení</translation>
    </message>
    <message>
        <source>A user named %1 already exists.</source>
        <translation>Uživatel %1 už existuje.</translation>
    </message>
    <message>
        <source>The user name is required.</source>
        <translation>Uživatelské jméno je povinné.</translation>
    </message>
    <message>
        <source>The e-mail address is required.</source>
        <translation>E-mailová adresa je povinná.</translation>
    </message>
    <message>
        <source>This is not an e-mail address (such as jan.novak@example.com).</source>
        <translation>Toto není e-mailová adresa (jako jan.novak@example.com).</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Created</source>
        <translation>Vytvořeno</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Komu</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Předmět</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Druh</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Pokusy</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Odesláno</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Poslední chyba</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>No e-mail yet. Messages the app sends (welcome e-mails, password links, failure notifications, test e-mails) are listed here. When SMTP is not configured they wait here and are sent once it is: nothing is lost.</source>
        <translation>Zatím žádný e-mail. Zde jsou zprávy, které aplikace odesílá (uvítací e-maily, odkazy pro nastavení hesla, notifikace o selhání, zkušební e-maily). Dokud není nastaven SMTP, čekají zde a odejdou, jakmile nastaven bude: nic se neztratí.</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Odeslat nyní</translation>
    </message>
    <message>
        <source>Sends the waiting messages that are due now, without waiting for the next pass. A message retried after an error waits for its next attempt (tooltip of its state).</source>
        <translation>Odešle čekající zprávy, které jsou na řadě, bez čekání na další průchod. Zpráva opakovaná po chybě čeká na svůj další pokus (viz tip u jejího stavu).</translation>
    </message>
    <message>
        <source>Mail outbox</source>
        <translation>Odchozí pošta</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Čeká: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Poslední chyba: %1</translation>
    </message>
    <message>
        <source>The mail sender is not running.</source>
        <translation>Odesílání pošty neběží.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Odesílám…</translation>
    </message>
</context>
<context>
    <name>OutboxTexts</name>
    <message>
        <source>The SMTP server refused the login: check User and Password in Settings → E-mail.</source>
        <translation>Server SMTP odmítl přihlášení: zkontrolujte Uživatele a Heslo v Nastavení → E-mail.</translation>
    </message>
    <message>
        <source>The SMTP server refused the sender address: check Sender in Settings.</source>
        <translation>Server SMTP odmítl adresu odesílatele: zkontrolujte Odesílatele v Nastavení.</translation>
    </message>
    <message>
        <source>The SMTP server refused the recipient&apos;s address: check the user&apos;s notification e-mail.</source>
        <translation>Server SMTP odmítl adresu příjemce: zkontrolujte notifikační e-mail uživatele.</translation>
    </message>
    <message>
        <source>The SMTP server does not offer what Security asks for: try TLS (port 465) or STARTTLS (port 587).</source>
        <translation>Server SMTP nenabízí zvolené zabezpečení: zkuste TLS (port 465) nebo STARTTLS (port 587).</translation>
    </message>
    <message>
        <source>Nothing answers at the SMTP host and port: check SMTP host and Port in Settings.</source>
        <translation>Na serveru a portu SMTP nic neodpovídá: zkontrolujte Server SMTP a Port v Nastavení.</translation>
    </message>
    <message>
        <source>The SMTP host&apos;s name was not found: check SMTP host in Settings.</source>
        <translation>Název serveru SMTP nebyl nalezen: zkontrolujte Server SMTP v Nastavení.</translation>
    </message>
    <message>
        <source>The SMTP server did not answer in time: check SMTP host, Port and the firewall.</source>
        <translation>Server SMTP neodpověděl včas: zkontrolujte Server SMTP, Port a firewall.</translation>
    </message>
    <message>
        <source>The secure connection failed: check Security (TLS or STARTTLS) and the port.</source>
        <translation>Zabezpečené spojení selhalo: zkontrolujte Zabezpečení (TLS nebo STARTTLS) a port.</translation>
    </message>
    <message>
        <source>The SMTP server&apos;s certificate is not valid for its name: check SMTP host.</source>
        <translation>Certifikát serveru SMTP neplatí pro jeho název: zkontrolujte Server SMTP.</translation>
    </message>
    <message>
        <source>Waiting: no SMTP server is set up yet (Settings → E-mail: SMTP host and Sender). Nothing is lost.</source>
        <translation>Čeká: server SMTP zatím není nastaven (Nastavení → E-mail: Server SMTP a Odesílatel). Nic se neztratí.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ParametersTab</name>
    <message>
        <source>Used for the synchronization in lists</source>
        <translation>Pojmenování synchronizace v seznamu</translation>
    </message>
    <message>
        <source>The last part of the endpoint URL: starts with a letter, then English letters, digits and underscores.</source>
        <translation>Poslední část Endpoint URL: začíná písmenem, dál jen písmena anglické abecedy, číslice a podtržítka.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Název:</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identifikátor:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Popis:</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>Další nastavení</translation>
    </message>
    <message>
        <source>Enable synchronization</source>
        <translation>Aktivovat synchronizaci</translation>
    </message>
    <message>
        <source>Active as soon as it is saved; a disabled one refuses Entra&apos;s calls.</source>
        <translation>Funkční hned po uložení; neaktivní synchronizace odmítá volání z Entra.</translation>
    </message>
    <message>
        <source>Send an e-mail if synchronization fails</source>
        <translation>Zaslat email v případě selhání synchronizace</translation>
    </message>
    <message>
        <source>Notifies the users in the Administrator and Subject manager roles.</source>
        <translation>Notifikace přijde uživatelům v roli Administrátor a Správce subjektů.</translation>
    </message>
    <message>
        <source>Send e-mail to new users</source>
        <translation>Zaslat novému uživateli email</translation>
    </message>
    <message>
        <source>A welcome message to each user the synchronization creates.</source>
        <translation>Uvítací zpráva každému uživateli, kterého synchronizace vytvoří.</translation>
    </message>
    <message>
        <source>Send a link for setting the password to new users</source>
        <translation>Zaslat novému uživateli nastavení hesla</translation>
    </message>
    <message>
        <source>Only for login with a name and a password. If users sign in with SSO only, leave this off; in general it is not recommended.</source>
        <translation>Jen pro přihlašování jménem a heslem. Pokud se uživatelé hlásí pouze přes SSO, nezaškrtávejte; obecně doporučujeme políčko nezaškrtávat.</translation>
    </message>
    <message>
        <source>The identifier is required.</source>
        <translation>Identifikátor je povinný.</translation>
    </message>
    <message numerus="yes">
        <source>The identifier may have at most %n characters.</source>
        <translation>
            <numerusform>Identifikátor smí mít nejvýše %n znak.</numerusform>
            <numerusform>Identifikátor smí mít nejvýše %n znaky.</numerusform>
            <numerusform>Identifikátor smí mít nejvýše %n znaků.</numerusform>
        </translation>
    </message>
    <message>
        <source>The identifier must start with a letter of the English alphabet.</source>
        <translation>Identifikátor musí začínat písmenem anglické abecedy.</translation>
    </message>
    <message>
        <source>The identifier may only contain English letters, digits and underscores.</source>
        <translation>Identifikátor smí obsahovat jen písmena anglické abecedy, číslice a podtržítka.</translation>
    </message>
    <message>
        <source>Another synchronization already uses this identifier.</source>
        <translation>Tento identifikátor už používá jiná synchronizace.</translation>
    </message>
    <message>
        <source>This is the old identifier of another synchronization, which Entra may still call; drop that alias first.</source>
        <translation>Toto je starý identifikátor jiné synchronizace, který Entra možná stále volá; nejdřív ten alias zrušte.</translation>
    </message>
    <message>
        <source>Entra&apos;s old Tenant URL, ending in /scim/v2/%1, keeps working as an alias until Entra calls the new one.</source>
        <translation>Stará Adresa URL tenanta v Entra, končící /scim/v2/%1, funguje dál jako alias, dokud Entra nezavolá novou.</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>Název je povinný.</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Remove</source>
        <translation>Odstranit</translation>
    </message>
    <message>
        <source>Delete the stored password from the keyring.</source>
        <translation>Smazat uložené heslo z klíčenky systému.</translation>
    </message>
    <message>
        <source>Type a new password to replace the stored one; empty keeps it.</source>
        <translation>Zadejte nové heslo, které nahradí uložené; prázdné pole ho ponechá.</translation>
    </message>
    <message>
        <source>Given in %1</source>
        <translation>Zadáno v %1</translation>
    </message>
    <message>
        <source>Stored in the system keyring</source>
        <translation>Uloženo v klíčence systému</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nenastaveno</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Before saving: who gains and who loses a group or role</source>
        <translation>Před uložením: kdo získá a kdo ztratí skupinu nebo roli</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Uživatel</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Změna</translation>
    </message>
    <message>
        <source>Group or role in Sofa</source>
        <translation>Skupina nebo role v Sofa</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Zpět k úpravám</translation>
    </message>
    <message>
        <source>Save with these changes</source>
        <translation>Uložit s těmito změnami</translation>
    </message>
    <message>
        <source>Working out who gains and who loses which group or role…</source>
        <translation>Zjišťuji, kdo získá a kdo ztratí kterou skupinu nebo roli…</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>Náhled se nepodařil: %1</translation>
    </message>
    <message numerus="yes">
        <source>Gaining a group or role: %n users.</source>
        <translation>
            <numerusform>Skupinu nebo roli získá %n uživatel.</numerusform>
            <numerusform>Skupinu nebo roli získají %n uživatelé.</numerusform>
            <numerusform>Skupinu nebo roli získá %n uživatelů.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Losing a group or role: %n users.</source>
        <translation>
            <numerusform>Skupinu nebo roli ztratí %n uživatel.</numerusform>
            <numerusform>Skupinu nebo roli ztratí %n uživatelé.</numerusform>
            <numerusform>Skupinu nebo roli ztratí %n uživatelů.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listed: the first %1 of %n changes.</source>
        <translation>
            <numerusform>Uvedeno prvních %1 z %n změny.</numerusform>
            <numerusform>Uvedeno prvních %1 ze %n změn.</numerusform>
            <numerusform>Uvedeno prvních %1 z %n změn.</numerusform>
        </translation>
    </message>
    <message>
        <source>gains</source>
        <translation>získá</translation>
    </message>
    <message>
        <source>loses</source>
        <translation>ztratí</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>skupinu %1</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>roli %1</translation>
    </message>
</context>
<context>
    <name>PublicUrlWords</name>
    <message>
        <source>%1 is not an HTTPS address; Entra calls only HTTPS addresses.</source>
        <translation>%1 není adresa HTTPS; Entra volá jen adresy HTTPS.</translation>
    </message>
    <message>
        <source>%1 names no host.</source>
        <translation>%1 neuvádí žádný server.</translation>
    </message>
    <message>
        <source>%2 is this computer; Entra calls from Microsoft&apos;s cloud, not from here.</source>
        <translation>%2 je tento počítač; Entra volá z cloudu Microsoftu, ne odsud.</translation>
    </message>
    <message>
        <source>%2 is a private or local-network address, out of reach from the internet.</source>
        <translation>%2 je soukromá adresa nebo adresa místní sítě, z internetu nedosažitelná.</translation>
    </message>
    <message>
        <source>%2 is a name without a domain; only your local network can resolve it.</source>
        <translation>%2 je název bez domény; přeložit ho umí jen vaše místní síť.</translation>
    </message>
    <message>
        <source>Entra cannot reach this Endpoint URL:</source>
        <translation>Entra se na tuto Endpoint URL nedostane:</translation>
    </message>
    <message>
        <source>Fix: set the public base URL in Settings to the public HTTPS address of the reverse proxy in front of Sofa, e.g. https://sofa.example.com; every Endpoint URL follows it.</source>
        <translation>Řešení: v Nastavení zadejte jako veřejnou základní URL veřejnou adresu HTTPS reverzní proxy před aplikací Sofa, např. https://sofa.example.com; podle ní se řídí každá Endpoint URL.</translation>
    </message>
    <message>
        <source>Change it in Settings…</source>
        <translation>Změnit v Nastavení…</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>právě teď</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>před %n min</numerusform>
            <numerusform>před %n min</numerusform>
            <numerusform>před %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>před %n h</numerusform>
            <numerusform>před %n h</numerusform>
            <numerusform>před %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>před %n dnem</numerusform>
            <numerusform>před %n dny</numerusform>
            <numerusform>před %n dny</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrátor</translation>
    </message>
    <message>
        <source>Subject manager</source>
        <translation>Správce subjektů</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>Sofa roles. Administrator and Subject manager are built in: their holders receive the failure e-mails. A role mapping grants a role to the members of an Entra group.</source>
        <translation>Role v Sofa. Administrátor a Správce subjektů jsou vestavěné: jejich držitelé dostávají e-maily o selhání. Mapování členství v rolích přidělí roli členům skupiny v Entra.</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Přidat roli</translation>
    </message>
    <message>
        <source>Rename role</source>
        <translation>Přejmenovat roli</translation>
    </message>
    <message>
        <source>Role name:</source>
        <translation>Název role:</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Smazat roli</translation>
    </message>
    <message>
        <source>Delete the role %1? Its %3 holders lose it.</source>
        <translation>Smazat roli %1? Její držitelé (%3) o ni přijdou.</translation>
    </message>
    <message>
        <source>The role %1 is mapped by the synchronizations: %2.

Deleting it also removes those mappings and the role from its %3 holders, including the roles the synchronizations derived from Entra. Delete it?</source>
        <translation>Roli %1 mapují tyto synchronizace: %2.

Smazáním zmizí i tato mapování a role všem jejím držitelům (%3), včetně rolí, které synchronizace převzaly z Entra. Roli smazat?</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>ServerControl</name>
    <message>
        <source>Port %1 is in use; the SCIM server is not running.</source>
        <translation>Port %1 je obsazený; SCIM server neběží.</translation>
    </message>
</context>
<context>
    <name>ServerTray</name>
    <message>
        <source>Open Sofa SCIM Desktop</source>
        <translation>Otevřít Sofa SCIM Desktop</translation>
    </message>
    <message>
        <source>Quit and stop the server</source>
        <translation>Ukončit a zastavit server</translation>
    </message>
    <message>
        <source>Serving on %1</source>
        <translation>Server běží na %1</translation>
    </message>
    <message>
        <source>While the server is stopped, Entra&apos;s provisioning calls fail.</source>
        <translation>Dokud je server zastavený, volání zřizování z Entra selhávají.</translation>
    </message>
    <message>
        <source>SCIM server stopped</source>
        <translation>SCIM server je zastaven</translation>
    </message>
    <message>
        <source>Sofa SCIM Desktop</source>
        <translation>Sofa SCIM Desktop</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>e.g. 10.0.0.5</source>
        <translation>např. 10.0.0.5</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Podle systému</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English (angličtina)</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>Čeština</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Zeptat se</translation>
    </message>
    <message>
        <source>Keep serving in the system tray</source>
        <translation>Nechat server běžet v oznamovací oblasti</translation>
    </message>
    <message>
        <source>Quit and stop the server</source>
        <translation>Ukončit a zastavit server</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Žádné</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Uložit</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Vrátit změny</translation>
    </message>
    <message>
        <source>Set by the environment variable %1, which wins over Settings.</source>
        <translation>Nastaveno proměnnou prostředí %1, která má přednost před Nastavením.</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>Veřejná adresa</translation>
    </message>
    <message>
        <source>Public base URL</source>
        <translation>Veřejná základní URL</translation>
    </message>
    <message>
        <source>The public HTTPS address of this server, as Entra reaches it through your reverse proxy. It builds each synchronization&apos;s Endpoint URL (Entra&apos;s Tenant URL); Entra only calls HTTPS addresses.</source>
        <translation>Veřejná adresa HTTPS tohoto serveru, jak ji Entra vidí přes vaši reverzní proxy. Skládá se z ní Endpoint URL každé synchronizace (v Entra Adresa URL tenanta); Entra volá jen adresy HTTPS.</translation>
    </message>
    <message>
        <source>Embedded server</source>
        <translation>Vestavěný server</translation>
    </message>
    <message>
        <source>Bind host</source>
        <translation>Naslouchat na adrese</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>0 picks any free port.</source>
        <translation>0 vybere libovolný volný port.</translation>
    </message>
    <message>
        <source>Trusted proxy</source>
        <translation>Důvěryhodná proxy</translation>
    </message>
    <message>
        <source>Address of the reverse proxy in front of the server: forwarded headers are honoured from it only. Empty: from nobody.</source>
        <translation>Adresa reverzní proxy před serverem: přeposlané hlavičky se přijímají jen od ní. Prázdné: od nikoho.</translation>
    </message>
    <message>
        <source>Saving a change here restarts the embedded server.</source>
        <translation>Uložení změny zde restartuje vestavěný server.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Obecné</translation>
    </message>
    <message>
        <source>Keep logs (days)</source>
        <translation>Uchovávat logy (dnů)</translation>
    </message>
    <message>
        <source>Older log entries are deleted so the database does not grow without end.</source>
        <translation>Starší záznamy logu se mažou, aby databáze nerostla donekonečna.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Jazyk</translation>
    </message>
    <message>
        <source>The language changes when you restart the app.</source>
        <translation>Jazyk se změní po restartu aplikace.</translation>
    </message>
    <message>
        <source>Closing the window</source>
        <translation>Zavření okna</translation>
    </message>
    <message>
        <source>While the server is stopped, Entra&apos;s provisioning calls fail. Without a system tray, keeping the server minimises the window.</source>
        <translation>Dokud je server zastavený, volání zřizování z Entra selhávají. Bez oznamovací oblasti se okno při ponechání serveru minimalizuje.</translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation>E-mail (SMTP)</translation>
    </message>
    <message>
        <source>SMTP host</source>
        <translation>Server SMTP</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Zabezpečení</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Uživatel</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Odesílatel</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Heslo</translation>
    </message>
    <message>
        <source>Until a host and a sender are set, e-mail waits in the Mail outbox; nothing is lost.</source>
        <translation>Dokud není nastaven server a odesílatel, e-maily čekají v odchozí poště; nic se neztratí.</translation>
    </message>
    <message>
        <source>Usually 587 (STARTTLS) or 465 (TLS).</source>
        <translation>Obvykle 587 (STARTTLS) nebo 465 (TLS).</translation>
    </message>
    <message>
        <source>Empty: no login.</source>
        <translation>Prázdné: bez přihlášení.</translation>
    </message>
    <message>
        <source>Not saved: correct the values marked in red, then save again.</source>
        <translation>Neuloženo: opravte hodnoty označené červeně a uložte znovu.</translation>
    </message>
    <message>
        <source>The other values were saved. </source>
        <translation>Ostatní hodnoty byly uloženy. </translation>
    </message>
    <message>
        <source>Saved. The embedded server restarts with the new settings.</source>
        <translation>Uloženo. Vestavěný server se restartuje s novým nastavením.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Uloženo.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nic se nezměnilo.</translation>
    </message>
    <message>
        <source>The SMTP password was removed.</source>
        <translation>Heslo SMTP bylo odstraněno.</translation>
    </message>
    <message>
        <source>Endpoint URL of a synchronization: %1/scim/v2/&lt;identifier&gt;</source>
        <translation>Endpoint URL synchronizace: %1/scim/v2/&lt;identifikátor&gt;</translation>
    </message>
</context>
<context>
    <name>SofaField</name>
    <message>
        <source>user name</source>
        <translation>uživatelské jméno</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktivní</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>zobrazované jméno</translation>
    </message>
    <message>
        <source>job</source>
        <translation>pracovní pozice</translation>
    </message>
    <message>
        <source>notification e-mail</source>
        <translation>notifikační e-mail</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>jméno</translation>
    </message>
    <message>
        <source>surname</source>
        <translation>příjmení</translation>
    </message>
    <message>
        <source>degree in front</source>
        <translation>titul před jménem</translation>
    </message>
    <message>
        <source>degree behind</source>
        <translation>titul za jménem</translation>
    </message>
    <message>
        <source>telephone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>mobile phone</source>
        <translation>mobilní telefon</translation>
    </message>
    <message>
        <source>SSO identifier</source>
        <translation>SSO identifikátor</translation>
    </message>
    <message>
        <source>personal number</source>
        <translation>osobní číslo</translation>
    </message>
    <message>
        <source>department</source>
        <translation>oddělení</translation>
    </message>
    <message>
        <source>direct superior</source>
        <translation>přímý nadřízený</translation>
    </message>
    <message>
        <source>name</source>
        <translation>název</translation>
    </message>
    <message>
        <source>external ID</source>
        <translation>externí ID</translation>
    </message>
</context>
<context>
    <name>SupportBox</name>
    <message>
        <source>Support</source>
        <translation>Podpora</translation>
    </message>
    <message>
        <source>When you ask for help, attach a support bundle to your request: a zip file with the versions, the settings, each synchronization&apos;s health and mappings, the last 7 days of its log and the mail outbox. E-mail addresses and names in it are masked; keys and passwords are never in it.</source>
        <translation>Když žádáte o pomoc, přiložte k žádosti balíček pro podporu: soubor zip s verzemi, nastavením, stavem a mapováním každé synchronizace, jejím logem za posledních 7 dní a odchozí poštou. E-mailové adresy a jména jsou v něm skryté; klíče a hesla v něm nikdy nejsou.</translation>
    </message>
    <message>
        <source>Create a support bundle…</source>
        <translation>Vytvořit balíček pro podporu…</translation>
    </message>
    <message>
        <source>Create a support bundle</source>
        <translation>Vytvořit balíček pro podporu</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Soubory zip (*.zip)</translation>
    </message>
    <message>
        <source>Creating the support bundle…</source>
        <translation>Vytvářím balíček pro podporu…</translation>
    </message>
    <message>
        <source>No support bundle was written: %1</source>
        <translation>Balíček pro podporu nebyl uložen: %1</translation>
    </message>
    <message>
        <source>The support bundle was written to %1.</source>
        <translation>Balíček pro podporu byl uložen do %1.</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Otevřít složku</translation>
    </message>
</context>
<context>
    <name>SyncEditor</name>
    <message>
        <source>Parameters</source>
        <translation>Parametry</translation>
    </message>
    <message>
        <source>Mapping group memberships</source>
        <translation>Mapování členství ve skupinách</translation>
    </message>
    <message>
        <source>Mapping role memberships</source>
        <translation>Mapování členství v rolích</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Logování</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zpět</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Další</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Save synchronization</source>
        <translation>Uložit synchronizaci</translation>
    </message>
    <message>
        <source>New synchronization</source>
        <translation>Nová synchronizace</translation>
    </message>
    <message>
        <source>Edit synchronization – %1</source>
        <translation>Upravit synchronizaci – %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Neuložené změny</translation>
    </message>
    <message>
        <source>This synchronization has changes that are not saved yet.</source>
        <translation>Synchronizace má změny, které ještě nejsou uložené.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Uložit</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Zahodit změny</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Pokračovat v úpravách</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Neuloženo: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>+ Add SCIM synchronization</source>
        <translation>+ Přidat SCIM synchronizaci</translation>
    </message>
    <message>
        <source>Delete synchronization</source>
        <translation>Smazat synchronizaci</translation>
    </message>
    <message>
        <source>No synchronization yet. Click “+ Add SCIM synchronization” to set one up.</source>
        <translation>Zatím tu není žádná synchronizace. Nastavte ji tlačítkem „+ Přidat SCIM synchronizaci“.</translation>
    </message>
    <message>
        <source>User synchronization</source>
        <translation>Synchronizace uživatelů</translation>
    </message>
    <message>
        <source>&amp;Edit synchronization</source>
        <translation>&amp;Upravit synchronizaci</translation>
    </message>
    <message>
        <source>&amp;Delete synchronization</source>
        <translation>&amp;Smazat synchronizaci</translation>
    </message>
    <message>
        <source>&amp;Access details</source>
        <translation>&amp;Přístupové údaje</translation>
    </message>
    <message>
        <source>E&amp;nable synchronization</source>
        <translation>&amp;Aktivovat synchronizaci</translation>
    </message>
    <message>
        <source>Display the &amp;logs</source>
        <translation>Zobrazit &amp;logy</translation>
    </message>
    <message>
        <source>&amp;Check the connection</source>
        <translation>&amp;Zkontrolovat připojení</translation>
    </message>
    <message>
        <source>D&amp;isable synchronization</source>
        <translation>&amp;Deaktivovat synchronizaci</translation>
    </message>
    <message>
        <source>Add SCIM synchronization</source>
        <translation>Přidat SCIM synchronizaci</translation>
    </message>
    <message>
        <source>Delete the synchronization “%1” with all its settings, access key and mappings?</source>
        <translation>Nevratně smazat synchronizaci „%1“ včetně všech nastavení, přístupového klíče a mapování?</translation>
    </message>
    <message numerus="yes">
        <source>The %n users it created stay in Sofa, deactivated and detached from it. Entra&apos;s calls to its endpoint will be refused.</source>
        <translation>
            <numerusform>%n uživatel, kterého vytvořila, zůstane v Sofa, deaktivovaný a odpojený od ní. Volání z Entra na její endpoint budou odmítána.</numerusform>
            <numerusform>%n uživatelé, které vytvořila, zůstanou v Sofa, deaktivovaní a odpojení od ní. Volání z Entra na její endpoint budou odmítána.</numerusform>
            <numerusform>%n uživatelů, které vytvořila, zůstane v Sofa, deaktivovaných a odpojených od ní. Volání z Entra na její endpoint budou odmítána.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncTableModel</name>
    <message>
        <source>Name</source>
        <translation>Název</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifikátor</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Uživatelé</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>Poslední
volání</translation>
    </message>
    <message>
        <source>Key expires</source>
        <translation>Expirace
klíče</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Popis</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Poslední
úspěch</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Posledních
24 h</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nikdy</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Bez klíče</translation>
    </message>
    <message>
        <source>No access key yet: generate one in Access details.</source>
        <translation>Zatím bez přístupového klíče: vygenerujte ho v Přístupových údajích.</translation>
    </message>
    <message>
        <source>The access key has expired: Entra&apos;s calls are refused. Generate a new key in Access details.</source>
        <translation>Platnost přístupového klíče skončila: volání z Entra jsou odmítána. Vygenerujte nový klíč v Přístupových údajích.</translation>
    </message>
    <message>
        <source>The access key expires soon: generate a new one in Access details and enter it in Entra in time.</source>
        <translation>Platnost přístupového klíče brzy skončí: vygenerujte nový v Přístupových údajích a včas ho zadejte v Entra.</translation>
    </message>
    <message>
        <source>The access key is valid.</source>
        <translation>Přístupový klíč je platný.</translation>
    </message>
</context>
<context>
    <name>UserDetailPane</name>
    <message>
        <source>Groups</source>
        <translation>Skupiny</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Uživatelské jméno</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Zdroj</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Zobrazované jméno</translation>
    </message>
    <message>
        <source>Degree in front</source>
        <translation>Titul před jménem</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jméno</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Příjmení</translation>
    </message>
    <message>
        <source>Degree behind</source>
        <translation>Titul za jménem</translation>
    </message>
    <message>
        <source>Notification e-mail</source>
        <translation>Notifikační e-mail</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobilní telefon</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Osobní číslo</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Pracovní pozice</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Oddělení</translation>
    </message>
    <message>
        <source>Direct superior</source>
        <translation>Přímý nadřízený</translation>
    </message>
    <message>
        <source>SSO identifier</source>
        <translation>SSO identifikátor</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Poslední změna</translation>
    </message>
    <message>
        <source>Select a user to see the details.</source>
        <translation>Vyberte uživatele a uvidíte jeho podrobnosti.</translation>
    </message>
    <message>
        <source>A synchronization that was deleted since</source>
        <translation>Synchronizace, která mezitím byla smazána</translation>
    </message>
    <message>
        <source>Removed by its synchronization; kept in Sofa, deactivated</source>
        <translation>Odebrán svou synchronizací; ponechán v Sofa, deaktivován</translation>
    </message>
    <message>
        <source>Synchronization %1</source>
        <translation>Synchronizace %1</translation>
    </message>
    <message>
        <source>Local (created in Sofa)</source>
        <translation>Místní (vytvořen v Sofa)</translation>
    </message>
    <message>
        <source>None: Entra sent “%1”, which is not an e-mail address; no e-mail goes to this user until Entra sends one.</source>
        <translation>Žádný: Entra poslala „%1“, což není e-mailová adresa; dokud Entra nepošle platnou, tento uživatel nedostane žádný e-mail.</translation>
    </message>
    <message>
        <source>Grant by hand</source>
        <translation>Přidělit ručně</translation>
    </message>
    <message>
        <source>Groups and roles</source>
        <translation>Skupiny a role</translation>
    </message>
    <message>
        <source>Group to grant to %1 by hand:</source>
        <translation>Skupina, kterou ručně přidělit uživateli %1:</translation>
    </message>
    <message>
        <source>Role to grant to %1 by hand:</source>
        <translation>Role, kterou ručně přidělit uživateli %1:</translation>
    </message>
    <message>
        <source>Every group is already granted by hand.</source>
        <translation>Všechny skupiny už jsou přiděleny ručně.</translation>
    </message>
    <message>
        <source>There are no groups yet: create one on the Groups tab.</source>
        <translation>Zatím nejsou žádné skupiny: vytvořte nějakou na kartě Skupiny.</translation>
    </message>
    <message>
        <source>Every role is already granted by hand.</source>
        <translation>Všechny role už jsou přiděleny ručně.</translation>
    </message>
</context>
<context>
    <name>UserState</name>
    <message>
        <source>Removed</source>
        <translation>Odebraný</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivní</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktivovaný</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>Uživatel</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Celé jméno</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Oddělení</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Zdroj</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Místní</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Search user name, name, e-mail or department</source>
        <translation>Hledat uživatelské jméno, jméno, e-mail nebo oddělení</translation>
    </message>
    <message>
        <source>New local user…</source>
        <translation>Nový místní uživatel…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Obnovit</translation>
    </message>
    <message>
        <source>Show what synchronizations changed meanwhile.</source>
        <translation>Zobrazit, co mezitím změnily synchronizace.</translation>
    </message>
    <message>
        <source>1 user</source>
        <translation>1 uživatel</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>Počet uživatelů: %1</translation>
    </message>
    <message>
        <source>%1 of %2 users shown; scroll for more</source>
        <translation>Zobrazeno %1 z %2 uživatelů; další se načtou při posouvání</translation>
    </message>
</context>
</TS>
