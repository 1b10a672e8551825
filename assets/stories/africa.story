# Story: Africa's selective alignment.
title: Africa's selective alignment
summary: Which African states signed the Artemis Accords or joined the ILRS, and which satellites, launches, licences and stations tie them to each power.
order: 4

== Eight African Artemis signatories
view: layout=map&fw=artemis&ties=none&region=africa
highlight: NGA RWA AGO SEN MAR
note: NGA | First African signatory, with Rwanda, Dec 2022
note: MAR | 64th signatory, April 2026 (unverified)

Nigeria and Rwanda signed the Artemis Accords on 13 December 2022 [@punch-2022-nigeria-rwanda], Angola on 30 November 2023 [@state-2023-angola] and Senegal on 24 July 2025 [@miragenews-2025-senegal]. Morocco, Botswana, Mauritius and Djibouti followed in 2026, but those four rest on AI- or machine-compiled material and are marked unverified [@machineherald-2026-ireland][@digest-56907859816][@digest-68713323567].

That makes eight in the data. An AI-compiled source counting 71 signatories on 31 August 2026 put seven in Africa [@digest-57748567689], as the rows did on that date, before Djibouti's reported signing in September.

== Five in the ILRS, two through institutes
view: layout=map&fw=ilrs&ties=none&region=africa
highlight: ZAF EGY SEN DJI ETH KEN
note: ZAF | SANSA–CNSA memorandum, September 2023
note: EGY | First Arab state in the ILRS, December 2023
note: KEN | Institute MoU only; government not a member

South Africa's SANSA signed an ILRS memorandum with CNSA on 1 September 2023 [@sansa-2023-ilrs] and Egypt's space agency an agreement on 6 December 2023 [@peoplecn-2023-egypt]; Senegal followed in September 2024 [@peoplecn-2024-tiandu]. Djibouti [@sputnik-2025-roscosmos-list] and Ethiopia [@sputnikafrica-2025-roscosmos-list] are dated by the Roscosmos list of April 2025; Ethiopia's state-level accession is unconfirmed.

Institutes in Ethiopia (SSGI) and Kenya signed ILRS memorandums with DSEL in April 2024 [@scmp-2024-africa-institutes].

== Satellites, mostly from China
view: ties=satellite~technology-transfer&region=africa
highlight: NGA DZA SDN ETH EGY
note: NGA~CHN | NigComSat-1, 2007, and a 2009 replacement deal
note: EGY~RUS | EgyptSat-A, built and launched by Russia, 2019

China delivered Nigeria's NigComSat-1 (2007) [@cgwic-nigcomsat1] and built Algeria's Alcomsat-1 (2017) [@alaraby-2017-alcomsat]; Sudan's SRSS-1 and Ethiopia's first satellite were launched from China in 2019 [@africanewsspace-2019-srss][@windowtochina-2020-etrss]. Egypt got the China-funded MisrSat-2 (2023) and a China-assisted assembly and test centre in Cairo [@peoplecn-2023-egypt].

Russia's RSC Energia built and launched EgyptSat-A in 2019 [@israeldefense-2019-egyptsat]. The data records no African satellite built by the United States, Europe, Japan or India.

== Licences, launches and a space centre
view: ties=launch~agreement~licence&region=africa
highlight: NGA KEN
note: NGA~USA | Starlink licensed, May 2022
note: KEN~JPN | JAXA deploys Kenya's first satellite, 2018
note: KEN~ITA | Malindi space centre agreement, 2020

Starlink was licensed in Nigeria in May 2022 [@pulse-2022-starlink-nigeria] and in Kenya in July 2023 [@techcentral-2023-starlink-kenya]. JAXA released Kenya's first satellite from the ISS in 2018 [@japantimes-2018-1kuns]. Kenya and Italy agreed in 2020 on the Malindi space centre; in 2023 Kenya's defence minister said Italy had not kept its commitments [@kahawatungu-2020-malindi][@nation-2023-malindi].

Egypt signed an intergovernmental space MoU with China alongside its ILRS agreement [@peoplecn-2023-egypt].

== Ground stations and data
view: ties=ground-station~data&region=africa
highlight: ZAF CHN
note: ZAF~CHN | BRICS remote-sensing cooperation, September 2023

The data records no ground station in Africa as a tie of its own. South Africa's SANSA and CNSA cooperate on data exchange and satellite ground stations under the BRICS remote-sensing constellation framework [@peoplecn-2023-sansa-brics]. China's delivery of NigComSat-1 included tracking and ground stations [@cgwic-nigcomsat1].

== Lunar payloads
view: ties=payload&region=africa
highlight: EGY ZAF
note: EGY~CHN | Chang'e-7 camera, with Bahrain
note: ZAF~CHN | Chang'e-8 radio array, with Peru (unverified)

Egypt's space agency and Bahrain's NSSA built a hyperspectral camera selected for the Chang'e-7 orbiter in April 2024 [@copernical-2024-change7]. A South African and Peruvian radio array was reported among the Chang'e-8 projects in April 2025, from weak sources only [@briefnews-2025-change8].

The data records no African payload on a NASA or Artemis mission.

== The Africa–EU space partnership
view: ties=agreement&sel=african-union-commission
highlight: african-union-commission eu
note: african-union-commission~eu | EUR 100m programme, 2025–2028

The EU and African partners signed a EUR 100m Space Partnership Programme for 2025–2028 in January 2025, on Earth observation, navigation and space capacity, launched in Cairo in April 2025 [@harbinger-2025-aeu-spp][@gmes4africa-2025-aeu-spp].

It is an agreement between organisations, so it does not appear in the region view.
