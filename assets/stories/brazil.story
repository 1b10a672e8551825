# Story: Brazil between Washington and Beijing.
title: Brazil between Washington and Beijing
summary: Brazil has built satellites with China since 1988, signed the Artemis Accords in 2021, and since then has added ties with both powers.
order: 3

== CBERS: with China since 1988
view: date=2020-10-31&sel=BRA
highlight: BRA CHN USA
note: BRA~CHN | CBERS agreement, July 1988
note: USA~BRA | SPORT CubeSat agreement, March 2019

China and Brazil signed the agreement for the joint CBERS Earth-resources satellites in July 1988 [@odishatv-cbers]. CBERS-1 flew in 1999; CBERS-3 was lost in 2013 and CBERS-4 launched in 2014 [@macauhub-2018-cbers]. CBERS-4A, built by INPE and CAST, launched from Taiyuan on 20 December 2019 [@alarabiya-2019-cbers4a]. CBERS images are free for both countries and more than 20 others [@macauhub-2018-cbers].

With the United States the data records one tie before the Accords: the NASA–AEB SPORT CubeSat agreement of 18 March 2019 [@usembassy-br-2019-sport].

== The Accords, June 2021
view: layout=axis&date=2021-06-30&sel=BRA
highlight: BRA
note: BRA | 12th signatory, 15 June 2021

Science minister Marcos Pontes signed the Artemis Accords on 15 June 2021, making Brazil the 12th signatory and the first in South America; a statement of intent had been signed in December 2020 [@spacenews-2021-brazil].

At that date the ILRS had only its two founders, China and Russia [@himalayantimes-2021-ilrs].

== Starlink and CBERS-6
view: date=2023-04-30&sel=BRA
highlight: BRA CHN USA
note: USA~BRA | Starlink authorised by Anatel, 2022
note: BRA~CHN | CBERS-6 protocol, 14 April 2023

In 2022 Brazil's regulator Anatel authorised Starlink to operate 4,408 low-orbit satellites; sources differ on the day [@playcrazygame-2022-starlink-brazil][@osul-2025-starlink-brazil]. On 14 April 2023 Presidents Lula and Xi signed a protocol to build CBERS-6, with a radar to monitor the Amazon and costs shared equally [@ru24-2023-cbers6][@portalbare-2023-cbers6].

The same month a blog quoting the SCMP said CNSA had an agreement or letter of intent with Brazil on the ILRS; the row is unverified and its status uncertain [@instapundit-2023-scmp].

== SpaceSail, November 2024
view: ties=agreement~licence&sel=BRA
highlight: BRA CHN USA
note: BRA~CHN | SpaceSail–Telebras memorandum, 19 Nov 2024
note: USA~BRA | Starlink: 7,500 more satellites, April 2025

During Xi Jinping's state visit, on 19 November 2024, Brazil's Ministry of Communications, state-owned Telebras and China's SpaceSail signed a memorandum on satellite internet from the Qianfan constellation, with services planned from 2026 [@telesintese-2024-spacesail][@jornaldocomercio-2024-spacesail]. It is a government memorandum, not an operating licence.

Starlink, authorised since 2022, was allowed 7,500 more satellites in April 2025 [@osul-2025-starlink-brazil][@cidadao-2025-starlink-brazil].

== What the data does not show
view: layout=axis&unverified=hide&sel=BRA
highlight: BRA
note: BRA | No ILRS link once unverified facts are hidden

Hiding unverified facts removes Brazil's only ILRS link, the 2023 report [@instapundit-2023-scmp]. What remains is its Artemis membership and ties with both powers.

The data records no ground station in Brazil run with China or the United States, no Brazilian payload on a Chang'e or Artemis mission, and no satellite built with the United States. Brazil's ties with China in the data are the CBERS satellites, launches, data and agreements, and the SpaceSail memorandum.
