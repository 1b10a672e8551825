# Story: the tools of space diplomacy, one kind of tie per step.
title: The tools of space diplomacy
summary: Agreements, technology transfer, launches, ground stations, astronaut seats, payloads, satellites and licences: which powers use which tool, as the data records it.
order: 6

== Agreements
view: ties=agreement
highlight: USA CHN RUS esa
note: RUS~KAZ | Baikonur lease extended to 2050, 2004
note: BRA~CHN | CBERS 1988, CBERS-6 2023, SpaceSail 2024
note: USA~IND | Human spaceflight framework, June 2024

The data holds 20 agreements. China is party to ten, among them CBERS with Brazil since 1988 [@odishatv-cbers] and an MoU with Egypt in 2023 [@peoplecn-2023-egypt]. U.S. agencies and SpaceX are party to seven, from the Orion module with ESA [@spacenews-2013-esm] to a human spaceflight framework with India [@gadgets360-2024-icet].

Russia's one agreement tie is the Baikonur lease to 2050 [@spacedaily-2004-baikonur]; Italy's one is Malindi in Kenya [@kahawatungu-2020-malindi]. The Accords and the ILRS themselves are memberships, not ties.

== Technology transfer and data
view: ties=data~technology-transfer
highlight: EGY BRA ZAF CHN
note: CHN~EGY | Satellite assembly and test centre, Cairo, 2023

The data records a single technology-transfer tie: the China-assisted satellite assembly, integration and test centre in Cairo, which made Egypt the first African country with full AIT capability [@peoplecn-2023-egypt]. The two data ties are Chinese too: free CBERS images for Brazil and others [@macauhub-2018-cbers], and BRICS remote-sensing cooperation with South Africa [@peoplecn-2023-sansa-brics].

The data records no technology-transfer tie from the United States, Russia, Europe, Japan or India; engineer training appears only inside satellite deals, such as Airbus's KazEOSat-1 [@eoportal-kazeosat-1] and China's ETRSS-1 [@windowtochina-2020-etrss].

== Launches
view: ties=launch
highlight: USA CHN RUS JPN IND
note: RUS~IRN | Khayyam 2022, Pars-1 2024
note: IND~GBR | ISRO launches OneWeb satellites, 2022
note: JPN~ARE | H-IIA launches the UAE's Hope probe, 2020

Launches are spread across all the powers. Russia launched Iran's Khayyam and Pars-1 [@interfax-2022-khayyam][@timesofisrael-2024-pars1]; Japan the UAE's Hope, and it deployed Kenya's first satellite [@nippon-2020-hope][@japantimes-2018-1kuns]; SpaceX Bangladesh's Bangabandhu-1 and Korea's Danuri [@ntmc-2018-bangabandhu][@hurriyet-2022-danuri]; India OneWeb and Singapore's TeLEOS-2 [@scroll-2022-oneweb][@straitstimes-2023-teleos2]; China CBERS-4A for Brazil [@alarabiya-2019-cbers4a]. Europe's Vega-C is reported to have launched the ESA–CAS SMILE mission in May 2026, on weak sources [@cas-2026-smile][@digest-60790738124].

== Ground stations
view: ties=ground-station
highlight: AUS ARG NIC VEN PRY
note: ARG~CHN | Espacio Lejano, Neuquén, 2012
note: ARG~esa | ESA's Malargüe station, 2009
note: NIC~RUS | GLONASS station near Managua, 2017

Six ground-station ties in five host countries. NASA's Canberra complex in Australia dates from 1965 [@csiro-cdscc-about]. Argentina hosts both ESA's Malargüe antenna [@esa-2012-malargue] and China's Espacio Lejano station [@aiddata-neuquen]. Russia opened a GLONASS station in Nicaragua in 2017 [@gpsdaily-2017-glonass-nicaragua], Venezuela offers its ground stations to track Chinese lunar missions [@tass-2023-venezuela], and Japan funds a satellite centre with ground stations in Paraguay [@swissinfo-2026-paraguay-japan].

== Astronaut seats
view: ties=astronaut
highlight: USA RUS CHN
note: USA~JPN | Two Japanese landing opportunities, 2024
note: RUS~IND | Gaganyaan astronaut training, from 2019
note: CHN~PAK | Pakistani astronaut to Tiangong, 2025

Seats are mostly a U.S. tool: 13 of 17 ties, though three of those 13 are unverified (10 of 14 without them). NASA trades them for hardware with Japan, Canada and the UAE [@jaxa-2024-rover][@pennlive-2020-canada][@spacetechnews-2024-uae-airlock], and Axiom's private ISS flights carried astronauts from Israel, Saudi Arabia, Türkiye, India, Poland and Hungary [@algemeiner-2022-ax1][@hurriyet-2023-ax2][@technologytimes-2024-ax3][@republicworld-2025-ax4].

Russia flew the UAE and Belarus on Soyuz and trained India's astronauts [@tass-2019-almansouri][@belta-2024-vasilevskaya][@devdiscourse-2021-gaganyaan]. China's one seat is an agreement of February 2025 for Pakistan [@spacecom-2025-pakistan-tiangong].

== Payloads
view: ties=payload
highlight: CHN USA KOR
note: USA~KOR | NASA's ShadowCam on Korea's Danuri, 2022
note: CHN~esa | ESA's NILS on Chang'e-6, 2024

Payloads are mostly a Chinese tool: 20 of 21 payload ties are on Chang'e missions, from France, ESA, Italy, Switzerland, Russia, Egypt, Bahrain, Thailand, Pakistan, Türkiye, Iran, the Hawai'i-based ILOA and others [@scio-2024-change6][@pressreader-2024-change7][@moondaily-2025-change8]; five Chang'e-8 rows are unverified.

The one U.S. payload tie runs the other way: NASA's ShadowCam flies on Korea's Danuri [@malaysianreserve-2022-danuri]. The data records no foreign payload on a NASA Artemis mission.

== Satellites
view: ties=satellite
highlight: CHN IND USA BOL
note: IND~NPL | South Asia Satellite, 2017
note: CHN~BOL | Túpac Katari, 2013

China built or launched satellites for eight countries in Africa, Asia and South America, from Nigeria's NigComSat-1 to Pakistan's PakSat-MM1 [@cgwic-nigcomsat1][@urdupoint-2024-paksat]. India's South Asia Satellite serves six neighbours [@zeebiz-2017-sas]. Russia built Egypt's EgyptSat-A [@egypttoday-2019-egyptsat]; Europe's Airbus built Kazakhstan's KazEOSat-1 [@astanatimes-2014-kazeosat].

U.S. satellite ties are the NISAR radar satellite with India [@businessstandard-2025-nisar] and Starlink service in Ukraine, paid for in part by the Pentagon and Poland [@reuters-2023-pentagon-starlink][@unn-2025-poland-starlink].

== Licences and constellations
view: ties=agreement~licence
highlight: USA CHN BRA MYS THA
note: USA~BRA | Starlink authorised by Anatel, 2022
note: MYS~CHN | MEASAT–SpaceSail memorandum, 2025

All six operating licences in the data are for Starlink: Brazil, Nigeria and the Philippines in 2022, Kenya in 2023, Bangladesh and India in 2025 [@pulse-2022-starlink-nigeria][@cnnph-2022-starlink][@osul-2025-starlink-brazil][@techcentral-2023-starlink-kenya][@dailystar-2025-starlink-bd][@businessstandard-2025-starlink-india].

China's SpaceSail appears through memorandums and agreements, not licences: with Brazil's Telebras (2024), Malaysia's MEASAT and Thailand's National Telecom (2025) [@telesintese-2024-spacesail][@samena-2025-measat-spacesail][@peoplecn-2025-qianfan]. The data records no licence for a Chinese constellation.
