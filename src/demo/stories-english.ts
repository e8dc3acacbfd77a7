import type { DemoStory } from './demo-story.js'

/** Stories published in the English edition only. */
export const ENGLISH_STORIES: DemoStory[] = [
  {
    key: 'en-water-accord-signed',
    section: 'middle-east',
    tags: ['water', 'diplomacy', 'drought'],
    authors: ['sara-haddad'],
    source: 'mashriq',
    daysAgo: 0,
    hour: 7,
    isBreaking: true,
    en: {
      headline: 'Six neighbouring states sign water-sharing accord after all-night talks',
      dek: 'Ministers agreed to share river flow data and coordinate dam releases during dry years, ending two years of negotiations hosted by a regional commission.',
      body: [
        'Water ministers from six neighbouring states signed an agreement early this morning to share information on river levels and to coordinate the release of water from upstream dams during droughts. The deal was announced shortly after dawn, at the end of talks that had run through the night at the headquarters of the regional basin commission.',
        "Under the accord, each country will publish daily readings from its gauging stations on a shared platform and give its neighbours at least 14 days' notice before changing the flow from large reservoirs. A joint technical committee will meet every three months to review the figures.",
        {
          quote:
            'Nobody leaves this room with everything they wanted, but every farmer downstream will now know what is coming.',
          cite: 'Halima Osseiran, secretary-general of the regional basin commission',
        },
        "Rainfall in the basin has been below the long-term average in four of the past six years, according to the commission, and reservoir levels fell to record lows last summer. Farmers' groups had warned that uncoordinated releases were leaving fields dry at the height of the growing season.",
        { heading: 'What happens next' },
        'The agreement must still be approved by the six national parliaments, a process officials expect to take several months. Diplomats said a first trial of the data-sharing platform could begin before the next dry season regardless.',
        { related: 'en-desert-bloom-after-rains' },
      ],
    },
  },
  {
    key: 'en-central-bank-holds-rate',
    section: 'markets',
    tags: ['central-banks', 'inflation'],
    authors: ['omar-khalil'],
    source: 'continental',
    daysAgo: 1,
    hour: 14,
    related: ['en-banks-cyber-drill'],
    en: {
      headline: 'Central bank holds main interest rate as inflation eases for third month',
      dek: 'Policymakers kept the benchmark rate at 5.25% but signalled that cuts could follow later in the year if price growth continues to slow.',
      body: [
        'The central bank left its main interest rate unchanged at 5.25% at the end of a two-day meeting, saying inflation was moving in the right direction but remained above its target. It was the fourth consecutive meeting at which the monetary policy committee voted to hold.',
        'Consumer prices rose by 3.4% in the year to March, down from 4.1% in February, according to figures from the national statistics office. Food and transport costs slowed the most, while rents continued to climb.',
        {
          quote:
            'We are not yet where we want to be, but the trend gives us room to look ahead with some confidence.',
          cite: 'Rania Suleiman, deputy governor of the central bank',
        },
        'Seven of the nine committee members voted to hold, while two favoured a cut of a quarter of a percentage point, minutes published alongside the decision showed. Analysts had widely expected no change.',
        'Markets reacted calmly. The main share index closed 0.6% higher, and the yield on two-year government bonds edged down as traders added to bets on a cut before the end of the year.',
        { related: 'en-oil-shipping-costs-analysis' },
      ],
      notices: [
        {
          kind: 'correction',
          text: 'An earlier version of this article gave the wrong figure for inflation in February. It was 4.1%, not 4.3%.',
        },
      ],
    },
  },
  {
    key: 'en-corniche-rovers-late-derby-win',
    section: 'football',
    tags: ['football-league', 'national-team'],
    authors: ['yousef-nasser'],
    source: 'atlas',
    daysAgo: 2,
    hour: 22,
    en: {
      headline: 'Late header gives Corniche Rovers derby win and top spot in league',
      dek: 'Defender Karim Bassil scored in the 89th minute as Corniche Rovers beat Old Quarter Athletic 2-1 to move a point clear at the top of the table.',
      body: [
        "Corniche Rovers moved to the top of the league after Karim Bassil's late header settled a tense city derby in front of a sell-out crowd of 32,000 at the waterfront stadium. The result leaves Rovers one point ahead of Old Quarter Athletic with seven matches remaining.",
        'Old Quarter took the lead midway through the first half when winger Tomás Ferreira curled a free kick into the top corner. Rovers equalised just after the break through a penalty from captain Sami Aoun, awarded after a lengthy video review.',
        { gallery: 'match-day' },
        "With the match heading for a draw, Bassil rose highest at the far post to meet a corner from substitute Elias Nakhoul. It was the 24-year-old's first goal of the season and his first ever in the derby.",
        {
          quote:
            "I don't score many, so I picked a good night for it. The fans carried us through the last twenty minutes.",
          cite: 'Karim Bassil, Corniche Rovers defender',
        },
        'Old Quarter coach Petra Lindqvist said her side had deserved at least a point and promised to regroup quickly before the cup tie next week. Bassil, who was called up to the national squad for the first time earlier this season, is expected to keep his place for the next round of qualifiers.',
        { related: 'en-national-squad-new-faces' },
      ],
    },
  },
  {
    key: 'en-dialect-speech-startup',
    section: 'technology',
    tags: ['artificial-intelligence', 'startups'],
    authors: ['maya-farouk'],
    source: 'gulf-bulletin',
    daysAgo: 4,
    hour: 13,
    en: {
      headline: 'Start-up launches speech recognition tool trained on regional Arabic dialects',
      dek: 'The two-year-old company says its software understands everyday speech from a dozen dialects, a gap that larger voice assistants have struggled to close.',
      body: [
        'A young technology company has released a speech recognition service that it says can transcribe conversations in 12 regional Arabic dialects with accuracy close to that of human typists. The firm, Nabra Labs, was founded two years ago by three engineering graduates and employs 40 people.',
        'Most commercial voice tools are trained largely on Modern Standard Arabic, the formal language of news and official documents, and often stumble over the way people actually speak at home or in the market. Nabra Labs says it recorded more than 9,000 hours of speech from volunteers in cities and villages across the region.',
        {
          quote:
            'My grandmother should be able to talk to her phone the way she talks to me. That was the whole idea.',
          cite: 'Leila Darwish, co-founder and chief executive of Nabra Labs',
        },
        { heading: 'Privacy questions' },
        'The company says recordings were collected with written consent and that volunteers were paid for their time. Digital rights researchers welcomed the approach but urged the firm to publish details of how the data is stored and who can access it.',
        'The service will first be offered to call centres, hospitals and local government offices. The start-up raised a seed round last year and is in talks with investors about a larger funding round, Darwish said.',
        { related: 'en-development-bank-small-firms' },
      ],
    },
  },
  {
    key: 'en-opinion-museums-open-late',
    section: 'opinion',
    type: 'opinion',
    tags: ['museums', 'cities', 'tourism'],
    authors: ['lina-mansour'],
    daysAgo: 7,
    hour: 17,
    en: {
      headline: 'Our museums close just as the city wakes up. That must change',
      dek: 'In a region where evenings are the liveliest part of the day, keeping galleries open until ten would bring in new visitors at little cost.',
      body: [
        'Walk past the national museum at six on a summer evening and you will find its doors locked, its courtyard empty and its guards heading home. Walk a few hundred metres further and the streets are full: families eating ice cream, students on benches, couples strolling by the water.',
        'This is the paradox of our cultural life. We build handsome museums, fill them with remarkable collections and then open them mainly at the hours when it is too hot to be outside and when most people are at work or school.',
        {
          pullQuote:
            'A museum that is closed when the public is free is a museum built for someone else.',
        },
        'The fix is not complicated. A pilot of late opening on two evenings a week, with staff shifts moved rather than added, would cost little. Cities elsewhere that have tried it report that evening visitors are younger, more local and more likely to come back.',
        'The exhibition of restored manuscripts a couple of years ago showed how much appetite there is. On the Thursdays when the museum stayed open until ten, queues stretched into the street. Imagine that energy every week.',
        { related: 'en-restored-manuscripts-exhibition' },
        'Museums belong to the public. They should be open when the public can actually come.',
      ],
    },
  },
  {
    key: 'en-un-cities-housing-data',
    section: 'world',
    tags: ['united-nations', 'housing', 'cities'],
    authors: ['sara-haddad'],
    source: 'meridian',
    daysAgo: 12,
    hour: 16,
    related: ['en-opinion-cities-need-shade'],
    en: {
      headline: 'Cities agree to pool housing data at United Nations urban conference',
      dek: 'More than 80 city governments signed a voluntary pledge to publish comparable figures on rents, building permits and homelessness from next year.',
      body: [
        'Representatives of more than 80 cities agreed to share standard data on housing at the close of a week-long United Nations conference on urban development. The pledge is voluntary, but organisers said it was the first time so many local governments had committed to a common set of measures.',
        'Participants will publish annual figures on average rents, the number of new homes approved and completed, and the number of people without stable housing. A small secretariat will collect the data and make it available free of charge to researchers and the public.',
        {
          quote:
            'You cannot fix what you cannot measure, and until now every city has been measuring something slightly different.',
          cite: "Ingrid Solberg, who chaired the conference's housing panel",
        },
        'Officials said the common measures had been chosen because most cities already collect them in some form. The pledge sets out four core indicators:',
        {
          list: [
            'Average rent for a two-bedroom home',
            'Building permits issued for new homes',
            'Homes completed during the year',
            'People without stable housing, counted on a single night',
          ],
        },
        'Some delegates from smaller cities said they lacked the staff to gather the figures reliably. The organisers said a fund would be set up to provide training and basic software to those that request it.',
      ],
    },
  },
  {
    key: 'en-festival-of-lights-opens',
    section: 'arts',
    tags: ['festivals', 'cities', 'tourism'],
    authors: ['lina-mansour'],
    source: 'nile',
    daysAgo: 25,
    hour: 20,
    isFeatured: true,
    heroGallery: 'lights-festival',
    related: ['en-restored-manuscripts-exhibition'],
    en: {
      headline: 'City festival of lights opens with projections on the central library',
      dek: 'Organisers expect more than 200,000 visitors over ten nights as artists, students and engineers turn streets, bridges and the riverbank into outdoor galleries.',
      body: [
        "The city's annual festival of lights opened with a 15-minute projection on the facade of the central library, watched by thousands of people who filled the square in front of it. Organisers expect more than 200,000 visitors over the ten nights of the festival.",
        "This year's edition features 34 installations along a three-kilometre route from the old bridge to the river park. Around a third were made by students of the city's art school, who worked with local engineers to build sculptures powered by solar batteries charged during the day.",
        {
          quote:
            'We wanted people to see buildings they walk past every day as if for the first time.',
          cite: 'Nour Haddadin, artistic director of the festival',
        },
        'Hotels near the route reported high occupancy for the opening weekend, and the city has added late-night bus and tram services until the festival closes. Entry to the route is free; a small number of ticketed shows take place in the old customs house.',
        { heading: 'Getting there' },
        'Organisers advise visitors to use public transport, as several central streets are closed to traffic from 6pm. The route is step-free, and guided walks in sign language are offered on two evenings.',
      ],
    },
  },
  {
    key: 'en-development-bank-small-firms',
    section: 'business',
    tags: ['startups', 'employment', 'trade'],
    authors: ['omar-khalil'],
    source: 'atlas',
    daysAgo: 40,
    hour: 11,
    en: {
      headline: 'Regional development bank launches $500m fund for small businesses',
      dek: 'The fund will offer loans of up to $2m to firms with fewer than 250 staff, with a share reserved for companies led by women and young founders.',
      body: [
        'The regional development bank has launched a $500m fund to lend to small and medium-sized businesses, which officials said struggle to borrow from commercial banks without large collateral. The money will be channelled through 14 partner banks in eight countries.',
        'Firms with fewer than 250 employees will be able to apply for loans of between $50,000 and $2m, repayable over up to seven years. At least 30% of the fund is reserved for businesses majority-owned by women or by founders under 35.',
        {
          quote:
            'Small firms create most of the jobs in our economies, but they get a fraction of the credit. This is about closing that gap.',
          cite: 'Farid Qasimi, vice-president for private sector lending at the regional development bank',
        },
        'The bank said it expects the fund to support around 4,000 businesses over five years, from food processors and workshops to software start-ups. Partner banks will also offer free training in bookkeeping and export paperwork.',
        'Business associations welcomed the launch but said interest rates would decide how useful the loans turned out to be. The bank said rates would be set by each partner, within a ceiling agreed in advance.',
      ],
    },
  },
  {
    key: 'en-national-squad-new-faces',
    section: 'football',
    tags: ['national-team', 'football-league'],
    authors: ['yousef-nasser'],
    daysAgo: 65,
    hour: 18,
    en: {
      headline: 'National coach calls up four uncapped players for upcoming qualifiers',
      dek: 'Defender Karim Bassil and teenage forward Adam Rahimi are among the new faces as the coach seeks to refresh an ageing squad before two away matches.',
      body: [
        'The national team coach, Marco Deluca, named four uncapped players in a 26-man squad for two qualifying matches next month, the clearest sign yet that he intends to rebuild the side around younger players. Three players over 32 who started most matches last year were left out.',
        'The most eye-catching call-up is 18-year-old forward Adam Rahimi, who has scored nine goals in his first league season. Corniche Rovers defender Karim Bassil, 24, also earns a first call-up after a run of consistent performances in the heart of the Rovers defence.',
        {
          quote:
            'Nobody has been dropped for ever. But the players who are in form deserve their chance, and I want to see them against strong opposition.',
          cite: 'Marco Deluca, national team coach',
        },
        { heading: 'The four newcomers' },
        {
          list: [
            'Karim Bassil (Corniche Rovers), defender, 24',
            'Yazan Khoury (Old Quarter Athletic), midfielder, 22',
            'Hamza El Idrissi (Palm Valley SC), midfielder, 21',
            'Adam Rahimi (Hilltop Sporting), forward, 18',
          ],
        },
        'The team sits second in its qualifying group, two points behind the leaders, with four matches left. Only the group winners qualify automatically.',
        "Supporters' groups broadly welcomed the changes, though several former players questioned the decision to leave out experienced defenders for away matches. The squad will gather at the national training centre ten days before the first game.",
      ],
    },
  },
  {
    key: 'en-border-town-schools-reopen',
    section: 'middle-east',
    tags: ['refugees', 'education', 'united-nations'],
    authors: ['sara-haddad'],
    source: 'nile',
    daysAgo: 100,
    hour: 9,
    en: {
      headline: 'Schools serving displaced families reopen in border town after repairs',
      dek: 'Three schools damaged by winter floods have reopened, allowing about 2,400 children, many from families who arrived in recent years, to return to classrooms.',
      body: [
        'Three schools in a small border town reopened this week after four months of repairs, local education officials said, allowing around 2,400 pupils to return to their classrooms. Many of the children belong to refugee families who settled in the town in recent years.',
        'The buildings were damaged when heavy rain flooded the lower part of the town in January, ruining classrooms, furniture and books. Since then pupils had been taught in shifts in a community hall and in tents provided by aid groups.',
        {
          quote: 'For months my son did his homework on his knees. Today he has a desk again.',
          cite: 'Amal Saeed, a mother of three who moved to the town six years ago',
        },
        'The repairs were paid for by the ministry of education with support from a United Nations agency and two local charities. Engineers raised the floors of the ground-floor classrooms and installed new drainage to protect them from future floods.',
        'Teachers said attendance had dropped during the months of shift teaching, particularly among older girls. The school board plans catch-up classes on Saturdays until the end of the year, and about 600 pupils have signed up so far.',
      ],
      notices: [
        {
          kind: 'update',
          text: 'This article was updated to include the number of pupils who have signed up for the Saturday catch-up classes.',
        },
      ],
    },
  },
  {
    key: 'en-desert-bloom-after-rains',
    section: 'climate',
    type: 'background',
    tags: ['weather', 'water', 'agriculture', 'climate-change'],
    authors: ['daniel-reeves'],
    daysAgo: 150,
    hour: 8,
    isFeatured: true,
    en: {
      headline: 'Rare winter rains turn the desert green, and scientists are counting',
      dek: 'After the wettest winter in two decades, botanists have recorded more than 120 flowering species in a valley that is usually bare sand and rock.',
      body: [
        'For a few weeks each decade, the valley south of the old caravan town changes colour. This year, after the heaviest winter rainfall in more than 20 years, yellow and purple flowers have spread across dunes that are usually bare, and shallow pools have formed between the rocks.',
        'A team from the national botanical institute has spent the past month walking marked trails through the valley, recording every plant they find. By last week they had counted 124 flowering species, including several that had not been seen in the area since the 1990s.',
        { gallery: 'desert-bloom' },
        {
          quote:
            'Some of these seeds have been waiting in the sand for fifteen years. When the water finally comes, they have to grow, flower and set seed again in a matter of weeks.',
          cite: 'Dr Samira Othman, botanist at the national botanical institute',
        },
        { heading: 'A short season' },
        'Herders have brought sheep and goats to graze on the new grass, and the municipality has opened a temporary car park for day visitors. Researchers have asked visitors to keep to the paths, as trampling can destroy plants before they set seed.',
        "Scientists caution against reading too much into a single wet winter. Climate models for the region suggest rainfall will become less frequent but more intense, which could mean longer droughts broken by occasional heavy storms like this year's.",
      ],
    },
  },
  {
    key: 'en-freight-rail-corridor-explained',
    section: 'world',
    type: 'background',
    tags: ['transport', 'trade', 'diplomacy'],
    authors: ['sara-haddad', 'omar-khalil'],
    daysAgo: 200,
    hour: 9,
    en: {
      headline: 'Explained: what the planned cross-border freight rail corridor would change',
      dek: 'The 1,900-kilometre line would link three ports with inland cities, cutting journey times for goods, but its cost and route are still under negotiation.',
      body: [
        'Governments in the region have talked for decades about linking their railways. A new feasibility study published this month has revived the idea of a single freight corridor running 1,900 kilometres from the coast to the interior, and transport ministers are due to discuss it at a meeting next month.',
        { heading: 'What is being proposed?' },
        'The study proposes an electrified, standard-gauge line connecting three seaports with five inland cities, with freight terminals at each. Trains would carry containers, grain and building materials, and the line would be built so that passenger services could be added later.',
        { heading: 'Why does it matter?' },
        'Most goods in the region currently travel by lorry, and a container can take four to six days to reach inland markets, including long waits at border crossings. The study estimates that rail, with customs checks carried out at the terminals, could cut that to under two days and reduce transport emissions by about a third.',
        { heading: 'What stands in the way?' },
        'The estimated cost of $14bn would have to be shared between several governments and lenders, and countries disagree over where the line should cross the hills in the north. Experience elsewhere suggests such projects often take longer and cost more than planned.',
        {
          quote:
            'The engineering is the easy part. Agreeing on timetables, tariffs and customs rules between several countries is where these projects succeed or fail.',
          cite: 'Helena Varga, a transport economist who reviewed the study',
        },
      ],
    },
  },
  {
    key: 'en-oil-shipping-costs-analysis',
    section: 'markets',
    type: 'analysis',
    tags: ['oil', 'trade', 'inflation'],
    authors: ['omar-khalil'],
    daysAgo: 330,
    hour: 10,
    en: {
      headline: 'Analysis: why cheaper oil has not yet brought lower prices in the shops',
      dek: 'Crude prices have fallen by a fifth since spring, but shipping contracts, currency moves and stored inventories mean consumers may wait months to feel the difference.',
      body: [
        'The price of crude oil has fallen by around 20% since the spring, as demand has softened and producers have kept output steady. Yet for most households in the region, the cost of food, transport and everyday goods has barely moved.',
        'Part of the explanation lies in how goods are shipped. Many importers lock in freight rates for six or twelve months, so the cheaper fuel that shipping lines now buy will only show up in contracts as they come up for renewal.',
        {
          pullQuote:
            'Oil prices move in days. Shipping contracts, and the prices on supermarket shelves, move in seasons.',
        },
        'Inventories matter too. Fuel and goods already in warehouses were bought at higher prices, and retailers tend to sell that stock before they pass on lower costs. Currency movements can also cancel out some of the gain for countries whose money has weakened against the dollar.',
        {
          quote:
            'Prices go up like a rocket and come down like a feather. It is frustrating, but it is not necessarily a sign that anyone is profiteering.',
          cite: 'Tarek Mahfouz, chief economist at a regional investment bank',
        },
        'If crude stays at current levels, economists expect the effect to reach transport fares and food prices early next year. That would give central banks more room to consider cutting interest rates, although most say they want to see the decline last before acting.',
      ],
    },
  },
  {
    key: 'en-school-vaccination-extended',
    section: 'health',
    tags: ['vaccines', 'public-health', 'education'],
    authors: ['daniel-reeves'],
    source: 'continental',
    daysAgo: 420,
    hour: 10,
    related: ['en-clinics-heat-readiness'],
    en: {
      headline: 'Health ministry extends school vaccination campaign after strong turnout',
      dek: 'Nearly nine in ten eligible pupils received the measles and rubella booster in the first month, prompting officials to extend the campaign to secondary schools.',
      body: [
        'The ministry of health said it would extend its school vaccination campaign to secondary schools after 88% of eligible primary pupils received a measles and rubella booster in the first month. The campaign was originally planned to run for six weeks in primary schools only.',
        "Mobile teams of nurses visited more than 1,100 schools, working with teachers to send consent forms home and to answer parents' questions. Officials said turnout was highest in rural districts, where families often live far from a clinic.",
        {
          quote:
            'Bringing the vaccine to the school gate removed the biggest obstacle, which for many parents was simply time.',
          cite: "Dr Youssef Amrani, head of the ministry's immunisation programme",
        },
        'Public health experts had warned that routine vaccination rates slipped in recent years, leaving gaps in protection among younger children. Measles is highly contagious, and outbreaks can spread quickly through schools when coverage falls below about 95%.',
        'The secondary school phase will begin after the mid-term break and run until the end of the school year. Parents whose children missed the first round can also take them to any public health centre, free of charge.',
      ],
      notices: [
        {
          kind: 'correction',
          text: 'An earlier version of this article said the campaign reached 1,400 schools. The correct figure is more than 1,100.',
        },
      ],
    },
  },
  {
    key: 'en-banks-cyber-drill',
    section: 'technology',
    tags: ['cybersecurity', 'central-banks'],
    authors: ['maya-farouk'],
    source: 'meridian',
    daysAgo: 500,
    hour: 15,
    en: {
      headline: 'Banks test their defences in first joint cyber-attack simulation',
      dek: 'Twenty-two banks, the central bank and the national payments operator spent two days responding to a simulated attack on the systems that clear card payments.',
      body: [
        "Twenty-two banks took part in the country's first joint cybersecurity exercise this week, responding to a fictional attack designed to disrupt card payments during a busy shopping weekend. The drill was organised by the central bank together with the national payments operator.",
        'Participants were given a scenario that evolved over two days, from suspicious log-ins at one bank to a ransomware-style attack on a shared clearing system. Teams had to decide when to alert customers, how to keep cash machines running and how to share information with competitors.',
        {
          quote:
            'An attack on one bank is quickly a problem for all of them. The point was to practise working together before we ever have to do it for real.',
          cite: 'Nadia Karam, director of financial stability at the central bank',
        },
        { heading: 'Lessons learned' },
        'Organisers said the exercise exposed weaknesses in how quickly banks shared technical details with one another, and in how customer messages were coordinated. A report with recommendations will be sent to participants, though it will not be published in full for security reasons.',
        'The central bank said it planned to hold the drill every year and to include insurance companies and larger payment apps in the next round. Smaller lenders that did not take part this time will be invited to observe.',
      ],
    },
  },
  {
    key: 'en-clinics-heat-readiness',
    section: 'health',
    type: 'analysis',
    tags: ['public-health', 'climate-change', 'weather'],
    authors: ['daniel-reeves'],
    daysAgo: 650,
    hour: 7,
    en: {
      headline: 'Analysis: are local clinics ready for longer and hotter summers?',
      dek: 'Heatwaves are arriving earlier and lasting longer, and doctors say the strain shows first in neighbourhood clinics rather than hospitals, among older patients and outdoor workers.',
      body: [
        'When temperatures passed 45C for nine days in a row last July, the first place many people turned to was not the hospital emergency department but the neighbourhood clinic. Doctors there reported a sharp rise in patients with dehydration, dizziness and worsening heart and kidney conditions.',
        'Yet many of these clinics were designed for a milder climate. A survey of 300 primary care centres by the national medical association found that one in four lacked reliable air conditioning in waiting rooms, and fewer than half had a written plan for heatwaves.',
        { heading: 'What clinics say they need' },
        {
          list: [
            'Cooling in waiting areas, with back-up power for when the grid fails',
            'Early warnings from the weather service sent directly to clinic managers',
            'Lists of vulnerable patients who can be phoned during a heatwave',
            'Extra staff on the hottest days, including in the evenings',
          ],
        },
        {
          quote:
            'We see the heat before anyone else does. An elderly man who usually manages well turns up confused, and we know the next few days will be hard.',
          cite: 'Dr Reem Al-Atrash, a family doctor in a coastal city',
        },
        'Some cities have started to act. Health departments in two coastal cities now send text alerts to registered patients when a heatwave is forecast, and one has opened cooled community rooms in public libraries.',
        { related: 'en-opinion-cities-need-shade' },
      ],
    },
  },
  {
    key: 'en-restored-manuscripts-exhibition',
    section: 'arts',
    tags: ['museums', 'heritage', 'literature'],
    authors: ['lina-mansour'],
    source: 'mashriq',
    daysAgo: 800,
    hour: 12,
    en: {
      headline: 'Restored manuscripts go on public display for the first time in decades',
      dek: 'An exhibition at the national museum brings together 60 works on astronomy, medicine and poetry, rescued from water damage in a five-year conservation project.',
      body: [
        'Sixty handwritten manuscripts, some more than 600 years old, went on display at the national museum this week after a five-year project to repair damage caused by a leaking storeroom roof. Many have not been seen by the public since they were acquired by the national library in the 1950s.',
        'The works include treatises on astronomy and medicine, collections of poetry and a richly illustrated book of maps. Conservators separated pages that had fused together, cleaned mould from the paper and rebuilt damaged bindings using traditional techniques.',
        {
          quote:
            'Every page was a negotiation between saving what was there and not inventing what was lost.',
          cite: 'Hassan Barakat, head conservator at the national library',
        },
        'Visitors can turn the pages of high-resolution digital copies on touch screens beside each display case. A full online catalogue, with scans of every page, will be published later this year.',
        'The exhibition runs for four months, and the museum will stay open until 10pm on Thursdays during the run. Entry is free for students and for visitors over 65.',
      ],
    },
  },
  {
    key: 'en-opinion-cities-need-shade',
    section: 'opinion',
    type: 'opinion',
    tags: ['cities', 'climate-change', 'housing'],
    authors: ['daniel-reeves'],
    daysAgo: 1000,
    hour: 19,
    en: {
      headline: 'Our cities were built for cars. Now they must be built for shade',
      dek: 'Trees, arcades and narrow lanes kept our grandparents cool, and planners should rediscover them before summers become unbearable for everyone who walks.',
      body: [
        'Anyone who has waited for a bus at noon in August knows the problem. The shelter, if there is one, is a sheet of glass; the pavement radiates heat; the nearest tree is a sapling tied to a stick.',
        'It was not always like this. The old quarters of our cities were designed around shade: narrow lanes, deep arcades, courtyards with a fig tree or a vine. Then came wide roads, car parks and towers set back behind bare forecourts, and with them streets that are empty for half the day.',
        {
          pullQuote:
            'Shade is not a luxury. For people who walk, wait and work outside, it is basic infrastructure.',
        },
        'Planting is the cheapest place to start. A mature tree can cool the pavement beneath it by several degrees, and a continuous canopy along a bus route can make the difference between a bearable walk and a dangerous one. Cities should set targets for shade along every main street and publish their progress each year.',
        'New housing developments should also be judged on the shade they create, not just the number of flats they contain. Arcades along shopfronts, covered walkways between blocks and courtyards with trees cost little compared with the value they add.',
        'None of this is new. Our grandparents knew it; we only need to remember.',
      ],
    },
  },
]
