# Story: the two coalitions growing, October 2020 to September 2026.
title: Two coalitions for the Moon
summary: How the Artemis Accords and the ILRS grew from eight founders in October 2020 to the data's latest date, 18 September 2026.
order: 1

== Eight founders, October 2020
view: layout=axis&date=2020-10-13&fw=artemis~ilrs&ties=none&sel=hub:artemis
highlight: USA AUS CAN ITA JPN LUX ARE GBR
note: USA | Accords drafted by NASA and the State Department

On 13 October 2020 eight countries signed the Artemis Accords, non-binding principles for civil exploration of the Moon, Mars and beyond drafted by NASA and the U.S. Department of State: Australia, Canada, Italy, Japan, Luxembourg, the United Arab Emirates, the United Kingdom and the United States [@spacepolicyonline-2020-founders][@spatialsource-2020-australia].

The ILRS hub is still empty: the China-led programme did not yet exist.

== The ILRS is founded, 2021
view: layout=axis&date=2021-06-30&fw=artemis~ilrs&ties=none&sel=hub:ilrs
highlight: CHN RUS BRA
note: CHN | Founding MoU with Russia, 9 March 2021
note: BRA | 12th Artemis signatory, 15 June 2021

China and Russia founded the International Lunar Research Station with an intergovernmental memorandum on 9 March 2021 [@himalayantimes-2021-ilrs]. By the end of June 2021 the data records no other state in it.

The Accords had grown to twelve: Ukraine in November 2020 [@usembassy-ukraine-2020-artemis], South Korea and New Zealand in May 2021 [@e2india-2021-korea][@parabolicarc-2021-newzealand], and Brazil, the first in South America, on 15 June 2021 [@spacenews-2021-brazil].

== The Accords widen: mid-2023
view: layout=axis&date=2023-06-30&fw=artemis~ilrs&ties=none
highlight: NGA RWA IND ECU apsco
note: NGA | First African signatory, with Rwanda, Dec 2022
note: IND | 27th signatory, 21 June 2023
note: apsco | ILRS joint statement with CNSA, April 2023

By 30 June 2023 the Accords had 27 signatories, among them Nigeria and Rwanda, the first in Africa [@punch-2022-nigeria-rwanda], and Ecuador and India on 21 June 2023 [@universetoday-2023-ecuador][@indiandefensenews-2023-india].

The ILRS still had only its two founders as states; Russia and China had signed an intergovernmental agreement in November 2022 [@kremlin-2024-ilrs-ratification]. Its other links were below state level, such as APSCO's joint statement with CNSA of 25 April 2023 [@dsel-2023-apsco].

== The ILRS gathers partners: mid-2024
view: layout=axis&date=2024-06-30&fw=artemis~ilrs&ties=none
highlight: VEN ZAF AZE PAK BLR EGY THA NIC SRB ARM
note: VEN | First state after the founders, July 2023
note: SRB | ILRS memorandum with CNSA, May 2024
note: ARM | 43rd Artemis signatory, 12 June 2024

Between July 2023 and May 2024 nine states joined the ILRS: Venezuela, South Africa, Azerbaijan, Pakistan, Belarus, Egypt, Thailand, Nicaragua and Serbia. Roscosmos listed all nine in April 2025 [@sputnik-2025-roscosmos-list]. Russia ratified its ILRS agreement with China on 12 June 2024 [@kremlin-2024-ilrs-ratification].

The Accords still grew faster: 43 signatories by June 2024, the latest being Armenia [@meteoweb-2024-armenia].

== September 2026: 71 listed, 72 counted
view: layout=axis&fw=artemis~ilrs&ties=none
highlight: ALB TUR DJI
note: ALB | Signing announced for 21 September 2026
note: DJI | Reported 72nd signatory (unverified)

On 18 September 2026 NASA announced that Albania would sign on 21 September as the 73rd signatory, which puts the count at 72 [@nasa-copy-2026-albania-advisory]. The data lists 71: the 66th, who signed between 4 and 7 May 2026, has not been identified [@digest-54852271881]. Albania is shown as an announced intent. Türkiye (Turkey on the graph), reported as the 71st on 31 August 2026, rests on AI-compiled sources [@digest-57748567689].

The ILRS has 15 states in the data, China and Russia included. Roscosmos said 13 countries had joined the two [@sputnik-2025-roscosmos-list]; CNSA counts 17 partner countries and organisations together, according to an AI-compiled source [@digest-68713323567].

== How much rests on weak sources
view: layout=axis&fw=artemis~ilrs&ties=none&unverified=hide
highlight: ETH DJI BOL
note: ETH | Dated by the Roscosmos list; no state signing found

Hiding facts supported only by unverified sources removes ten Artemis signings of 2026 (Latvia, Jordan, Morocco, Ireland, Paraguay, Botswana, Serbia, Mauritius, Türkiye, Djibouti), which rest on AI- or machine-compiled material [@machineherald-2026-ireland][@digest-60898527355][@digest-54852271881][@digest-56907859816][@digest-63613233470][@digest-68713323567]. The listed Artemis states fall from 71 to 61.

The ILRS keeps its 15 states, but Djibouti, Ethiopia and Bolivia are dated only by the Roscosmos list of April 2025, which gives no signing dates [@sputnik-2025-roscosmos-list][@sputnikafrica-2025-roscosmos-list].
