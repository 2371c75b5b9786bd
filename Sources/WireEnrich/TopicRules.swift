/// The keyword rules behind `TopicClassifier`: `code<TAB>weight<TAB>phrase|phrase|…`, phrases in lower
/// case, matched as whole words. Our own rules (not IPTC data); codes are IPTC Media Topics.
///
/// Weights say how sure one phrase is: 3 is nearly decisive ("summit", "earthquake"), 1 a hint that
/// needs company ("port", "talks"). Codes sit as deep as the phrase is specific.
enum TopicRules {
    static let table = #"""
20000639	3	diplomatic|diplomacy|diplomat|diplomats|envoy|envoys|ambassador|ambassadors|embassy|foreign minister|foreign ministry|diplomatic ties|diplomatic relations|bilateral ties|bilateral relations|friendship year|counterpart|state visit|visa-exemption|visa exemption
20000640	3	summit|summit meeting|summit talks
20000638	1.5	bilateral|talks|delegation|cooperation|treaty|agreement|sanctions|united nations|strategic|visit|visits|visited|alliance|border checkpoint|friendship|ties|relations
20000574	3	election|elections|vote|voters|ballot|polls|campaign|candidate|candidates
20000651	2	party congress|communist party|political party|opposition party|ruling party
20000621	1.5	government said|policy|regulation|ban|bans|restrict|restriction|restrictions|home minister|ministry|cabinet|parliament|lawmakers|legislature|propaganda|slogan|slogans|unification|state media
20000626	1.5	housing|rentals|short-term rentals|licence|licences|permits
20000598	3	military|navy|naval|army|troops|destroyer|warship|missile|missiles|armored vehicles|armoured vehicles|weapons|defence|defense|coast guard|drill|drills|maritime border
16000000	3	war|attack|attacks|killed in fighting|airstrike|airstrikes|invasion|ceasefire|militants|insurgents
20000065	3	protest|protests|protesting|protesters|demonstration|demonstrators|rally
20000107	3	court|courts|appeals court|district court|supreme court|judge|judges|ruling|verdict|lawsuit|plaintiffs|damages|bail
20000082	3	crime|arrested|arrest|charged|charges|police|murder|fraud|insulting|jail|prison|sentenced
20000148	3	earthquake|flood|floods|flooding|drought|wildfire|wildfires|tsunami|typhoon|hurricane|cyclone|landslide|evacuation|evacuated|evacuation order|disaster
20000143	3	crash|crashed|collision|collided|derailed|plane crash|accident|capsized
20000139	1.5	killed|killing|injured|injuring|rescue|rescuers|emergency|hospital
20000344	2	economy|economic|gdp|inflation|growth|recession|exports|imports|spending|household spending|consumer|prices|demand|investment|invest|yen|billion|million|percent
20000350	3	central bank|interest rates|interest rate|rate cut|base rate|monetary policy|bank of korea|bank of japan
20000170	2.5	company|companies|firm|group|profit|profits|revenue|sales|shares|stock|investors|forecast|outlook|quarter|full-year|chief executive|ceo|startup|series b|funding round|acquire|acquisition|buy|deal|merger|jobs|job cuts|plant|factory|chipmaker|supplier|miner|operators|fintech|exchange
20000337	2	port|ports|container|containers|freight|shipping|rail|railway|railways|trains|train|subway|airport|runway|airline|flights|barge|barges|cargo|passenger|trips|transport|logistics|throughput
20000256	2.5	energy|power plant|geothermal|electricity|power link|grid|oil|gas|coal|solar|wind power|megawatt|megawatts|battery
20000294	2	shipbuilding|manufacturing|semiconductor|semiconductors|chip|chips|automaker|carmaker|vehicles|steel
20000210	2	fishermen|fishing|farmers|farm|farmers'|agriculture|crops|harvest|sardine|quotas|catch
20000316	2.5	copper|mine|mining|ore|gold|lithium
20000373	2.5	trade|free trade|customs|tariff|tariffs|trade port|exports|export
20000509	2	jobs|workers|employees|layoffs|union|strike|wages|unemployment
06000000	2	environment|environmental|climate|emissions|pollution|saltwater|saltwater intrusion|lagoon|conservation|wildlife|species|fresh water|water levels|coastal
17000000	3	monsoon|weather|rainfall|rain|forecaster|temperatures|heat wave|snow|storm|tides|tide|meteorological
07000000	3	health|hospital|disease|virus|vaccine|patients|doctors|pandemic|covid-19|outbreak|leprosy
05000000	3	school|schools|students|university|universities|teachers|education
08000000	3	zoo|cubs|cub|panda|pandas|born|birthday|celebrity|animal|animals
13000000	2.5	science|scientists|research|researchers|technology|space|satellite|artificial intelligence|ai|driverless|robot|software
15000000	3	football|soccer|match|tournament|championship|olympic|olympics|league|coach|goal|medal|cup
01000000	3	film|music|concert|festival|museum|art|exhibition|novel|actor|actress|album|theatre
12000000	3	church|religious|religion|mosque|temple|pope|buddhist|muslim|christian|bishop
10000000	2	tourism|tourists|holiday|travel rush|spring festival|leisure|restaurant|visitors
14000000	1.5	residents|families|housing|community|population|social|activist|rights
20000592	3	human rights|pro-democracy|activist|activists|royal insult|lese majeste
"""#
}
