# Story: countries in both camps.
title: Feet in two camps
summary: Thailand, Senegal, Serbia and Djibouti are in both the Artemis Accords and the ILRS, and other states overlap through their agencies, companies or organisations.
order: 2

== Four states in both
view: layout=axis&align=both&ties=none
highlight: THA SEN SRB DJI
note: THA | ILRS April 2024, Artemis December 2024
note: SEN | ILRS September 2024, Artemis July 2025
note: SRB | ILRS May 2024; Artemis July 2026 (unverified)
note: DJI | ILRS by April 2025; Artemis 2026 (unverified)

As of 18 September 2026 four states are members of both frameworks at government level, and in each case the ILRS came first. Thailand's and Senegal's memberships are confirmed or reported; the Artemis signings of Serbia and Djibouti rest only on AI- or machine-compiled material and are marked unverified [@digest-63613233470][@digest-68713323567].

Thailand is also a founding member of APSCO, the Beijing-based organisation, since 2005 [@apsco-history].

== Thailand: the ILRS first
view: date=2024-04-30&sel=THA
highlight: THA CHN
note: CHN~THA | Lancang-Mekong MoU 2018; Chang'e-7 payload 2024

Thailand's science ministry signed an MoU on ILRS cooperation with CNSA on 5 April 2024, together with an MoU on the peaceful use of outer space [@pandaily-2024-thailand]. It built on a 2018 MoU for a Lancang-Mekong space information centre [@pandaily-2024-thailand].

On 24 April 2024 CNSA selected a space-weather sensor package by Thailand's science ministry and NARIT for the Chang'e-7 orbiter [@pressreader-2024-change7][@chinanews-copy-2024-change7].

== Thailand: then the Accords
view: layout=axis&sel=THA
highlight: THA CHN
note: THA | 51st Artemis signatory, 16 December 2024

GISTDA's executive director signed the Artemis Accords in Bangkok on 16 December 2024, as the 51st signatory [@konteks-2024-thailand]. Thailand was the first state in the data with memberships in both.

Its ties with China went on: a Thai sensor was reported among the Chang'e-8 projects in April 2025 (unverified) [@briefnews-2025-change8], and state-owned National Telecom reached a cooperation agreement with SpaceSail in 2025 [@peoplecn-2025-qianfan]. The data records no bilateral tie between Thailand and the United States.

== Senegal
view: layout=axis&date=2025-07-31&sel=SEN
highlight: SEN
note: SEN | ILRS 5 Sep 2024; Artemis 24 Jul 2025

Senegal's space agency ASES signed an ILRS cooperation agreement with CNSA at the 2nd Tiandu Forum on 5 September 2024 [@peoplecn-2024-tiandu]. Its director general signed the Artemis Accords at NASA Headquarters on 24 July 2025, as the 56th signatory [@miragenews-2025-senegal][@spacecoastdaily-2025-senegal]; one report gives 25 July [@trt-2025-senegal].

The data records no bilateral space tie between Senegal and China or the United States: its overlap is in the frameworks only.

== Serbia
view: layout=axis&sel=SRB
highlight: SRB
note: SRB | Artemis row unverified; ILRS row confirmed

Serbia's science ministry signed an ILRS memorandum with CNSA in May 2024, during or after Xi Jinping's state visit of 7–8 May [@spacewatch-2024-serbia][@sputnik-2025-roscosmos-list]. An unnamed Serbian organisation signed an ILRS memorandum with DSEL in September 2024 [@peoplecn-2024-tiandu].

Serbia was reported as the 69th Artemis signatory in July 2026. The only source is a machine-compiled report naming a NASA release; no NASA or Serbian page was read, so the row is unverified and its day and signer are unknown [@digest-63613233470].

== Djibouti
view: layout=axis&sel=DJI
highlight: DJI
note: DJI | Neither membership has a known signing day

Djibouti is in the ILRS through the Roscosmos list of partners of 29 April 2025; the signing date and the type of agreement are not known [@sputnik-2025-roscosmos-list].

It was reported as the 72nd Artemis signatory, with a ceremony set for 14 September 2026. NASA's advisory of 18 September, calling Albania the 73rd, implies a 72nd by then but does not name Djibouti [@digest-68713323567][@nasa-copy-2026-albania-advisory]. No report of the ceremony was read: the row is unverified.

== Overlaps below the state
view: layout=axis&fw=artemis~ilrs&ties=none
highlight: ARE OMN CHE PAN
note: ARE | MBRSC lunar MoU with CNSA, September 2022
note: OMN | Oman Lens ILRS MoU with DSEL, December 2024
note: PAN | Organisation-level ILRS MoU, September 2024

Some Artemis signatories link to the ILRS only through agencies, companies or organisations, drawn as dashed lines. The UAE's MBRSC signed a lunar MoU with CNSA in September 2022 [@gulfnews-2022-mbrsc-cnsa]; the SCMP later reported that U.S. ITAR rules barred its rover from Chang'e-7 [@scmp-2023-rashid-itar]. Oman Lens signed with DSEL in December 2024 [@spacenews-2024-omanlens], and Swiss and Panamanian organisations in September 2024 [@peoplecn-2024-tiandu].

Such links do not make the state a member.
