# Story: Europe's soft balancing.
title: Europe between partners
summary: Thirty-one European states signed the Artemis Accords, while ESA and national agencies also work with China on lunar instruments and one joint mission.
order: 5

== Thirty-one European signatories
view: layout=axis&ties=none&region=europe
highlight: RUS BLR SRB ALB
note: RUS | ILRS founder with China, March 2021
note: BLR | ILRS joint statement with CNSA, October 2023
note: SRB | In both camps (Artemis row unverified)
note: ALB | Signing announced for 21 September 2026

The data lists 31 Artemis signatories in Europe (UN regions), from the founders Italy, Luxembourg and the United Kingdom in 2020 [@spacepolicyonline-2020-founders] to Portugal in January 2026 [@overlookhorizon-2026-portugal][@ibtimes-2026-portugal]. Latvia, Ireland and Serbia followed in 2026, but their rows are unverified [@machineherald-2026-ireland][@nasa-2026-latvia][@digest-63613233470]. An AI-compiled source counted 32 in Europe at 71 signatories [@digest-57748567689], one more than the rows; the unidentified 66th signatory may be European.

In the ILRS are Russia, Belarus and Serbia [@sputnik-2025-roscosmos-list].

== ESA and NASA
view: ties=astronaut~joint-mission~agreement&sel=esa
highlight: esa USA
note: esa~USA | Orion service module, 2013; Gateway MoU, 2020

ESA supplies the European Service Module for NASA's Orion under a 2013 agreement, as barter for its ISS operating costs [@spacenews-2013-esm][@esa-orion-partnership]. A 2020 MoU has ESA build Gateway's I-Hab and ESPRIT in return for three ESA astronaut flights to Gateway [@onegiantleap-2020-gateway]. Its share of Mars Sample Return is the Earth Return Orbiter [@airlive-2020-msr].

In March 2026 NASA announced that Gateway would be suspended "in its current form" [@burgasmedia-2026-gateway]. An ESA astronaut on Artemis III is reported only by an AI-written site [@machineherald-2026-artemis3].

== ESA and China: one joint mission
view: ties=launch~payload~joint-mission&sel=esa
highlight: esa CHN
note: esa~CHN | SMILE with CAS; NILS on Chang'e-6
note: esa~JPN | BepiColombo with JAXA, 2018

SMILE is the one ESA–CAS joint mission in the data: proposed to a joint call in 2015 and selected in November 2015 [@smile-alaska], it is reported to have launched from Kourou on a Vega-C in May 2026, but that date rests on weak sources: a CAS page whose excerpt does not confirm it and an AI-compiled digest [@cas-2026-smile][@digest-60790738124]. ESA's NILS ion analyser, built in Sweden, operated on China's Chang'e-6 lander in June 2024 under a 2023 CNSA–ESA MoU [@scio-2024-change6].

ESA's ties with NASA are more numerous: six rows, from Orion to Mars Sample Return. With JAXA it flies BepiColombo, launched in 2018 [@jaxa-2018-bepicolombo].

== National instruments on Chang'e
view: ties=payload&region=europe
highlight: FRA ITA CHE
note: FRA~CHN | DORN radon detector on Chang'e-6
note: ITA~CHN | Laser retroreflectors, Chang'e-6 and -7
note: CHE~CHN | PMOD/WRC spectrometer on Chang'e-7

Three European Artemis signatories have instruments on, or selected for, Chinese lunar missions. France's DORN detector worked on Chang'e-6 in 2024 under a CNSA–CNES MoU of June 2023 [@scio-2024-change6]. Italy's INFN has a retroreflector on Chang'e-6 and arrays selected for Chang'e-7 [@scio-2024-change6][@pressreader-2024-change7]. The Swiss PMOD/WRC has a spectrometer for Chang'e-7 [@chinanews-copy-2024-change7].

Russia's IKI has a Chang'e-7 instrument [@copernical-2024-change7]. Italian and Russian Chang'e-8 payloads rest on weak sources [@briefnews-2025-change8].

== Seats to the ISS
view: ties=astronaut&region=europe
highlight: POL HUN BLR
note: USA~POL | Axiom Mission 4, June 2025
note: USA~HUN | Axiom Mission 4, June 2025
note: RUS~BLR | Soyuz MS-25, March 2024

Polish and Hungarian astronauts flew to the ISS on Axiom Mission 4 in June 2025, a private flight with NASA's support; the Polish flight was arranged with ESA [@republicworld-2025-ax4][@xc0de-nasa-2025-copy]. Hungary signed the Artemis Accords about four months later, on 22 October 2025 [@globebanner-2025-hun-mys-phl].

Belarus's Marina Vasilevskaya reached the ISS on Russia's Soyuz MS-25 in March 2024 [@belta-2024-vasilevskaya]. The data records no ESA–Roscosmos tie on the ISS.

== Starlink: paying, not licensing
view: ties=satellite~licence&region=europe
highlight: UKR POL
note: USA~UKR | Starlink active in Ukraine, 26 February 2022
note: USA~POL | Poland pays for Ukraine's Starlink, 2024

The data records no Starlink operating licence granted by a European regulator; its six Starlink licences are in Africa, Asia and South America. Europe's Starlink ties are about Ukraine: service from 26 February 2022 [@mediaite-2022-starlink-ukraine], terminals from SpaceX and USAID, some funded by France and Poland [@mybroadband-2022-starlink-ukraine], a Pentagon contract in 2023 [@reuters-2023-pentagon-starlink], and Poland's pledge of May 2024 to pay for more than 20,000 terminals [@censor-2024-poland-starlink].

== Europe as a provider
view: ties=satellite~ground-station~agreement&sel=esa
highlight: esa ITA FRA african-union-commission eu
note: esa~ARG | Malargüe deep-space station, 2009
note: ITA~KEN | Malindi space centre agreement, 2020
note: FRA~KAZ | Airbus builds KazEOSat-1, 2014
note: african-union-commission~eu | Africa–EU Space Partnership, 2025

ESA runs a deep-space antenna at Malargüe, Argentina, under a 2009 agreement [@esa-2012-malargue]; Argentina also hosts China's Espacio Lejano station [@aiddata-neuquen]. Italy and Kenya agreed in 2020 on the Malindi space centre [@kahawatungu-2020-malindi]. Airbus built Kazakhstan's KazEOSat-1, launched on Europe's Vega in 2014 [@eoportal-kazeosat-1].

The EU signed a EUR 100m space partnership with the African Union Commission in January 2025 [@harbinger-2025-aeu-spp].
