import type { DemoStory } from './demo-story.js'

/** Stories published in both editions (second half). */
export const PAIRED_STORIES_B: DemoStory[] = [
  {
    key: 'pb-cup-final-late-winner',
    section: 'football',
    tags: ['football-league', 'national-team'],
    authors: ['yousef-nasser'],
    source: 'meridian',
    daysAgo: 0,
    hour: 21,
    isBreaking: true,
    en: {
      headline: 'Sawahil snatch the league cup with a stoppage-time header against Wahat',
      dek: 'A header from substitute Fares Odeh in the 93rd minute gave Sawahil a 2-1 win over Wahat in a tense final watched by 38,000 spectators.',
      body: [
        'Sawahil won the league cup for the first time in eleven years, beating Wahat 2-1 in a final that was settled deep into stoppage time. Substitute Fares Odeh rose above two defenders to head in a corner from the right, sending the southern stand into celebration.',
        'Wahat had taken the lead just before half-time through their captain, Ziad Hamdan, who curled a free kick over the wall. Sawahil equalised on the hour when midfielder Nabil Qassem finished a quick counter-attack from the edge of the area.',
        {
          quote:
            'We never stopped believing. The players gave everything tonight, and this trophy belongs to the supporters who waited eleven years for it.',
          cite: 'Rami Saleh, Sawahil head coach',
        },
        'Wahat pressed for a second goal in the final half-hour and twice hit the post, but Sawahil goalkeeper Adel Mahmoud made a string of saves to keep the scores level. The referee added six minutes at the end of the match after a lengthy stoppage for an injury.',
        { gallery: 'match-day' },
        'The victory gives Sawahil a place in next season’s regional club competition. Several of their players are expected to be named in the national squad for the autumn qualifiers, which will be announced later this month.',
        { related: 'pb-national-coach-appointed' },
      ],
    },
    ar: {
      headline: 'السواحل يخطف كأس الدوري بضربة رأس في الوقت بدل الضائع أمام الواحات',
      dek: 'منح البديل فارس عودة فريق السواحل فوزا بنتيجة 2-1 على الواحات بضربة رأس في الدقيقة 93 من نهائي مثير تابعه 38 ألف متفرج.',
      body: [
        'أحرز السواحل لقب كأس الدوري للمرة الأولى منذ 11 عاما، بعد فوزه على الواحات 2-1 في مباراة نهائية حسمت في الرمق الأخير من الوقت بدل الضائع. وارتقى البديل فارس عودة فوق مدافعين اثنين ليحول ركلة ركنية من الجهة اليمنى برأسه إلى الشباك، لتنفجر المدرجات الجنوبية فرحا.',
        'وكان الواحات قد تقدم قبيل نهاية الشوط الأول عن طريق قائده زياد حمدان، الذي سدد ركلة حرة مقوسة فوق الحائط البشري. وأدرك السواحل التعادل بعد مرور ساعة من اللعب، حين أنهى لاعب الوسط نبيل قاسم هجمة مرتدة سريعة بتسديدة من حافة المنطقة.',
        {
          quote:
            'لم نتوقف لحظة عن الإيمان بقدرتنا. قدم اللاعبون كل ما لديهم الليلة، وهذا اللقب ملك للجماهير التي انتظرته 11 عاما.',
          cite: 'رامي صالح، المدير الفني للسواحل',
        },
        'وضغط الواحات بحثا عن هدف ثان في نصف الساعة الأخير، وارتطمت كرته بالقائم مرتين، لكن حارس السواحل عادل محمود تصدى لسلسلة من الفرص وأبقى النتيجة متعادلة. واحتسب الحكم ست دقائق وقتا بدل ضائع بعد توقف طويل بسبب إصابة أحد اللاعبين.',
        { gallery: 'match-day' },
        'ويضمن هذا الفوز للسواحل مقعدا في مسابقة الأندية الإقليمية الموسم المقبل. ومن المتوقع استدعاء عدد من لاعبيه إلى قائمة المنتخب الوطني لتصفيات الخريف، التي سيعلن عنها في وقت لاحق من هذا الشهر.',
        { related: 'pb-national-coach-appointed' },
      ],
    },
  },
  {
    key: 'pb-national-coach-appointed',
    section: 'football',
    tags: ['national-team', 'football-league'],
    authors: ['yousef-nasser'],
    source: 'mashriq',
    daysAgo: 365,
    hour: 13,
    en: {
      headline: 'Football federation names Tomas Ferreira as new national team coach',
      dek: 'The experienced coach has signed a three-year contract and will lead the national side through the next qualifying campaign, the federation said at a news conference.',
      body: [
        'The national football federation has appointed Tomas Ferreira as head coach of the men’s national team, ending a search that began after the side failed to reach the last continental finals. Ferreira, 54, has signed a three-year contract and will take charge of his first match next month.',
        'Ferreira has spent most of his career in club football, winning two league titles and a domestic cup. He has also coached youth national teams, experience the federation said was central to its decision.',
        {
          quote:
            'We wanted a coach who builds teams, not just results. Tomas knows how to develop young players, and that is what this squad needs now.',
          cite: 'Hisham Barakat, president of the national football federation',
        },
        { heading: 'A younger squad expected' },
        'Ferreira told reporters he would watch league matches in person over the coming weeks before naming his first squad. He said he expected to give chances to several players under 23 who have impressed at club level this season.',
        'The federation said the new coach would be supported by a local assistant and a dedicated performance analysis team. It also confirmed plans to hold a training camp ahead of the qualifiers, although the dates and venue have yet to be announced.',
      ],
    },
    ar: {
      headline: 'اتحاد كرة القدم يعين توماس فيريرا مدربا جديدا للمنتخب الوطني',
      dek: 'وقع المدرب المخضرم عقدا لمدة ثلاث سنوات، وسيقود المنتخب الوطني خلال حملة التصفيات المقبلة، بحسب ما أعلنه الاتحاد في مؤتمر صحفي.',
      body: [
        'عين الاتحاد الوطني لكرة القدم توماس فيريرا مديرا فنيا لمنتخب الرجال، منهيا عملية بحث بدأت بعد إخفاق المنتخب في بلوغ النهائيات القارية الأخيرة. ووقع فيريرا، البالغ من العمر 54 عاما، عقدا لمدة ثلاث سنوات، وسيقود أولى مبارياته الشهر المقبل.',
        'وأمضى فيريرا معظم مسيرته في تدريب الأندية، وأحرز خلالها لقبين للدوري وكأسا محلية. كما درب منتخبات الفئات العمرية، وهي خبرة قال الاتحاد إنها كانت حاسمة في اختياره.',
        {
          quote:
            'أردنا مدربا يبني فرقا، لا مدربا يلاحق النتائج فحسب. توماس يعرف كيف يطور اللاعبين الشباب، وهذا ما يحتاجه المنتخب الآن.',
          cite: 'هشام بركات، رئيس الاتحاد الوطني لكرة القدم',
        },
        { heading: 'تشكيلة أصغر سنا' },
        'وقال فيريرا للصحفيين إنه سيتابع مباريات الدوري من المدرجات خلال الأسابيع المقبلة قبل الإعلان عن أول قائمة له. وأضاف أنه يتوقع منح الفرصة لعدد من اللاعبين دون 23 عاما ممن تألقوا مع أنديتهم هذا الموسم.',
        'وأوضح الاتحاد أن المدرب الجديد سيحظى بدعم مساعد محلي وفريق متخصص في تحليل الأداء. كما أكد عزمه إقامة معسكر تدريبي قبل التصفيات، من دون أن يحدد موعده أو مكانه بعد.',
      ],
    },
  },
  {
    key: 'pb-festival-of-lights-returns',
    section: 'arts',
    tags: ['festivals', 'cities', 'tourism'],
    authors: ['lina-mansour'],
    daysAgo: 45,
    hour: 19,
    isFeatured: true,
    heroGallery: 'lights-festival',
    related: ['pb-manuscripts-exhibition'],
    en: {
      headline: 'Festival of lights transforms the old city for ten nights',
      dek: 'More than 40 installations by local and visiting artists light up squares, bridges and the central library, with organisers expecting record crowds this year.',
      body: [
        'The city’s annual festival of lights opened on the riverfront with a projection show on the facade of the central library, drawing thousands of families into the old quarter. Over the next ten nights, more than 40 installations will illuminate squares, alleyways and the old stone bridge.',
        'This year’s theme is “memory”, and many of the works draw on the history of the neighbourhoods where they are placed. One installation projects old photographs of the market onto the walls of buildings that still stand there; another turns the sound of footsteps into patterns of light.',
        {
          quote:
            'We wanted people to look again at streets they walk through every day. Light is a way of telling the city’s story without a single word.',
          cite: 'Rana Aziz, artistic director of the festival',
        },
        { heading: 'The festival at a glance' },
        {
          list: [
            'Ten nights, from 7pm to midnight',
            'More than 40 installations across the old city',
            'Free entry to all outdoor sites',
            'Extra late-night buses on the river line',
          ],
        },
        'Students from the city’s art school built several of the pieces, including a light sculpture in the shape of a boat near the main square. The municipality said it had extended public transport hours and closed several streets to traffic to cope with the crowds.',
        'Local traders welcomed the festival, which organisers say attracted about 300,000 visitors last year. Cafés and restaurants in the old quarter will stay open late throughout the event.',
      ],
    },
    ar: {
      headline: 'مهرجان الأضواء يحول المدينة القديمة إلى لوحة مضيئة لعشر ليال',
      dek: 'أكثر من 40 عملا فنيا لفنانين محليين وضيوف تضيء الساحات والجسور والمكتبة المركزية، فيما يتوقع المنظمون إقبالا قياسيا هذا العام.',
      body: [
        'افتتح مهرجان الأضواء السنوي في المدينة على ضفاف النهر بعرض ضوئي على واجهة المكتبة المركزية، استقطب آلاف العائلات إلى الحي القديم. وعلى مدى الليالي العشر المقبلة، ستضيء أكثر من 40 منشأة فنية الساحات والأزقة والجسر الحجري القديم.',
        'ويحمل المهرجان هذا العام عنوان «الذاكرة»، إذ يستلهم كثير من الأعمال تاريخ الأحياء التي تعرض فيها. ويعرض أحد الأعمال صورا قديمة للسوق على جدران المباني التي لا تزال قائمة هناك، بينما يحول عمل آخر وقع الخطوات إلى أنماط ضوئية.',
        {
          quote:
            'أردنا أن يعيد الناس النظر في شوارع يمرون بها كل يوم. الضوء وسيلة لرواية حكاية المدينة من دون كلمة واحدة.',
          cite: 'رنا عزيز، المديرة الفنية للمهرجان',
        },
        { heading: 'المهرجان في سطور' },
        {
          list: [
            'عشر ليال، من السابعة مساء حتى منتصف الليل',
            'أكثر من 40 عملا فنيا في أنحاء المدينة القديمة',
            'الدخول مجاني إلى جميع المواقع المفتوحة',
            'حافلات إضافية في ساعات متأخرة على خط النهر',
          ],
        },
        'وشارك طلاب مدرسة الفنون في المدينة في إنجاز عدد من الأعمال، من بينها منحوتة ضوئية على شكل قارب قرب الساحة الرئيسية. وقالت البلدية إنها مددت ساعات عمل النقل العام وأغلقت عددا من الشوارع أمام حركة السير لاستيعاب الحشود.',
        'ورحب التجار المحليون بالمهرجان، الذي يقول منظموه إنه استقطب نحو 300 ألف زائر العام الماضي. وستبقى المقاهي والمطاعم في الحي القديم مفتوحة حتى ساعات متأخرة طوال أيام الفعالية.',
      ],
    },
  },
  {
    key: 'pb-manuscripts-exhibition',
    section: 'arts',
    tags: ['museums', 'heritage', 'literature'],
    authors: ['lina-mansour'],
    source: 'atlas',
    daysAgo: 880,
    hour: 11,
    en: {
      headline: 'National museum displays rare manuscripts restored over five years',
      dek: 'The exhibition brings together 120 manuscripts on astronomy, medicine and poetry, many of them shown to the public for the first time after careful conservation.',
      body: [
        'The national museum has opened an exhibition of 120 manuscripts, the result of a five-year restoration project carried out by its conservation laboratory. The works, which date from the 11th to the 18th centuries, cover subjects ranging from astronomy and medicine to poetry and grammar.',
        'Many of the manuscripts had been kept in private family libraries and were donated to the museum over the past two decades. Conservators said some had been damaged by damp and insects, and several pages had to be separated by hand, one sheet at a time.',
        {
          quote:
            'Every page needed its own decision. Sometimes the most important thing we did was to stop, and leave a repair for a later generation with better tools.',
          cite: 'Dr Leila Sabbagh, head of conservation at the national museum',
        },
        { heading: 'A digital archive' },
        'Alongside the exhibition, the museum has published high-resolution scans of 80 of the manuscripts on its website. Researchers will be able to request access to the remaining works through the museum’s reading room.',
        'The exhibition runs until the end of spring, and entry is free for students and teachers. The museum said guided tours in Arabic and English would be held every weekend.',
      ],
      notices: [
        {
          kind: 'correction',
          text: 'An earlier version of this article gave the wrong number of manuscripts published online. The museum has published scans of 80 manuscripts, not 60.',
        },
      ],
    },
    ar: {
      headline: 'المتحف الوطني يعرض مخطوطات نادرة بعد خمس سنوات من الترميم',
      dek: 'يضم المعرض 120 مخطوطة في علوم الفلك والطب والشعر، يعرض كثير منها على الجمهور للمرة الأولى بعد أعمال صيانة دقيقة.',
      body: [
        'افتتح المتحف الوطني معرضا يضم 120 مخطوطة، هي ثمرة مشروع ترميم استمر خمس سنوات ونفذه مختبر الصيانة التابع للمتحف. وتعود هذه الأعمال إلى الفترة الممتدة بين القرنين الحادي عشر والثامن عشر، وتتناول موضوعات تتراوح بين الفلك والطب والشعر والنحو.',
        'وكانت مخطوطات كثيرة محفوظة في مكتبات عائلية خاصة، قبل أن تهدى إلى المتحف خلال العقدين الماضيين. وقال المرممون إن بعضها تضرر بفعل الرطوبة والحشرات، واضطروا إلى فصل عدد من الصفحات يدويا، ورقة تلو الأخرى.',
        {
          quote:
            'كل صفحة احتاجت إلى قرار خاص بها. وأحيانا كان أهم ما فعلناه أن نتوقف، ونترك الترميم لجيل لاحق يملك أدوات أفضل.',
          cite: 'الدكتورة ليلى صباغ، رئيسة قسم الصيانة في المتحف الوطني',
        },
        { heading: 'أرشيف رقمي' },
        'وبالتوازي مع المعرض، نشر المتحف على موقعه الإلكتروني نسخا رقمية عالية الدقة لـ80 مخطوطة. وسيتمكن الباحثون من طلب الاطلاع على بقية الأعمال عبر قاعة المطالعة في المتحف.',
        'ويستمر المعرض حتى نهاية الربيع، والدخول مجاني للطلاب والمعلمين. وأفاد المتحف بأنه سينظم جولات إرشادية باللغتين العربية والإنجليزية في نهاية كل أسبوع.',
      ],
      notices: [
        {
          kind: 'correction',
          text: 'ذكرت نسخة سابقة من هذا المقال عددا خاطئا للمخطوطات المنشورة على الإنترنت، إذ نشر المتحف نسخا رقمية لـ80 مخطوطة، وليس 60.',
        },
      ],
    },
  },
  {
    key: 'pb-port-expansion-loan',
    section: 'business',
    tags: ['trade', 'transport', 'employment'],
    authors: ['omar-khalil'],
    source: 'gulf-bulletin',
    daysAgo: 220,
    hour: 9,
    en: {
      headline: 'Regional development bank lends $420m to expand a coastal container port',
      dek: 'The loan will fund a new quay and cranes that could double the port’s capacity within five years and create about 3,000 jobs, officials said.',
      body: [
        'The regional development bank has approved a $420 million loan to expand the container port of a coastal city, one of the largest infrastructure financings in its history. The money will pay for a new 1.2-kilometre quay, six ship-to-shore cranes and a rail link to an inland logistics zone.',
        'Port officials say the project could double annual capacity to around two million containers within five years. The port currently operates close to its limit, and at peak times ships can wait up to three days for a berth.',
        {
          quote:
            'Trade routes are changing, and ports that cannot receive larger vessels will lose business. This investment keeps the city on the map.',
          cite: 'Khaled Yassin, director general of the port authority',
        },
        'The bank said the loan would be repaid over 20 years, with a five-year grace period. Construction is due to begin early next year, and the first new berth is expected to open within three years.',
        { heading: 'Jobs and concerns' },
        'Officials estimate that the expansion will create about 3,000 permanent jobs, in addition to several thousand during construction. Fishermen who use the neighbouring old harbour have asked for guarantees that their moorings and access routes will be protected during the works.',
        'A spokeswoman for the ministry of transport said consultations with the fishing community would begin next month. An environmental assessment will be published before construction starts.',
      ],
    },
    ar: {
      headline: 'بنك التنمية الإقليمي يقرض 420 مليون دولار لتوسعة ميناء حاويات ساحلي',
      dek: 'سيمول القرض إنشاء رصيف جديد ورافعات قد تضاعف طاقة الميناء خلال خمس سنوات وتوفر نحو 3000 وظيفة، بحسب ما أفاد به مسؤولون.',
      body: [
        'وافق بنك التنمية الإقليمي على قرض بقيمة 420 مليون دولار لتوسعة ميناء الحاويات في إحدى المدن الساحلية، في واحدة من أكبر عمليات تمويل البنية التحتية في تاريخه. وسيغطي التمويل إنشاء رصيف جديد بطول 1.2 كيلومتر، وست رافعات لتحميل السفن وتفريغها، وخط سكة حديد يربط الميناء بمنطقة لوجستية داخلية.',
        'ويقول مسؤولو الميناء إن المشروع قد يضاعف الطاقة الاستيعابية السنوية لتصل إلى نحو مليوني حاوية خلال خمس سنوات. ويعمل الميناء حاليا بما يقارب طاقته القصوى، وقد تنتظر السفن في أوقات الذروة ما يصل إلى ثلاثة أيام قبل أن تجد مرسى.',
        {
          quote:
            'طرق التجارة تتغير، والموانئ العاجزة عن استقبال السفن الأكبر حجما ستخسر أعمالها. هذا الاستثمار يبقي المدينة على الخريطة.',
          cite: 'خالد ياسين، المدير العام لهيئة الميناء',
        },
        'وأوضح البنك أن القرض سيسدد على مدى 20 عاما، مع فترة سماح مدتها خمس سنوات. ومن المقرر أن تبدأ أعمال البناء مطلع العام المقبل، على أن يفتتح أول مرسى جديد في غضون ثلاث سنوات.',
        { heading: 'وظائف ومخاوف' },
        'ويقدر المسؤولون أن التوسعة ستوفر نحو 3000 وظيفة دائمة، إضافة إلى آلاف الوظائف خلال مرحلة البناء. وطالب الصيادون الذين يستخدمون الميناء القديم المجاور بضمانات لحماية مراسي قواربهم وطرق وصولهم إليها خلال الأعمال.',
        'وقالت متحدثة باسم وزارة النقل إن المشاورات مع مجتمع الصيادين ستبدأ الشهر المقبل. وسينشر تقييم للأثر البيئي قبل انطلاق أعمال البناء.',
      ],
    },
  },
  {
    key: 'pb-rates-held-steady',
    section: 'markets',
    tags: ['central-banks', 'inflation', 'housing'],
    authors: ['omar-khalil'],
    daysAgo: 14,
    hour: 15,
    type: 'analysis',
    en: {
      headline: 'Why the central bank is in no hurry to cut interest rates',
      dek: 'Inflation has eased for five months in a row, but policymakers worry that food and rent prices could rise again before the end of the year.',
      body: [
        'The central bank kept its main interest rate unchanged at 5.25 per cent this week, disappointing businesses and borrowers who had hoped for a first cut in more than a year. Annual inflation fell to 3.4 per cent last month, its lowest level since the bank began raising rates.',
        'In its statement, the bank’s monetary policy committee said the slowdown in prices was welcome but not yet secure. Economists point to three reasons for its caution.',
        {
          list: [
            'Food prices remain volatile after a poor harvest in parts of the region.',
            'Rents in the main cities are still rising by about 8 per cent a year.',
            'Wage growth has picked up as unemployment has fallen to a ten-year low.',
          ],
        },
        {
          quote:
            'The committee would rather cut a few months too late than have to reverse course. Markets should read this as patience, not reluctance.',
          cite: 'Mona Tarabishi, chief economist at a regional investment bank',
        },
        'Investors had largely expected the decision, and the main stock index ended the day slightly higher. Bond yields edged down as traders bet that the first cut would come at one of the bank’s next two meetings.',
        'For businesses, the cost of credit remains a burden, particularly for smaller firms that rely on bank loans to finance stock. Large infrastructure projects, by contrast, are mostly funded by long-term loans from development lenders and are less sensitive to short-term rates.',
        { related: 'pb-port-expansion-loan' },
      ],
      notices: [
        {
          kind: 'update',
          text: 'This article was updated to include the reaction of the bond market after the close of trading.',
        },
      ],
    },
    ar: {
      headline: 'لماذا لا يستعجل البنك المركزي خفض أسعار الفائدة؟',
      dek: 'تراجع التضخم للشهر الخامس على التوالي، لكن صناع السياسة النقدية يخشون عودة أسعار الغذاء والإيجارات إلى الارتفاع قبل نهاية العام.',
      body: [
        'أبقى البنك المركزي هذا الأسبوع سعر الفائدة الرئيسي دون تغيير عند 5.25 في المئة، مخيبا آمال الشركات والمقترضين الذين كانوا يترقبون أول خفض منذ أكثر من عام. وتراجع معدل التضخم السنوي الشهر الماضي إلى 3.4 في المئة، وهو أدنى مستوى له منذ أن بدأ البنك رفع أسعار الفائدة.',
        'وقالت لجنة السياسة النقدية في البنك في بيانها إن تباطؤ الأسعار أمر مرحب به، لكنه لم يترسخ بعد. ويشير اقتصاديون إلى ثلاثة أسباب وراء هذا الحذر.',
        {
          list: [
            'أسعار الغذاء لا تزال متقلبة بعد موسم حصاد ضعيف في أجزاء من المنطقة.',
            'الإيجارات في المدن الرئيسية ما زالت ترتفع بنحو 8 في المئة سنويا.',
            'نمو الأجور تسارع مع تراجع البطالة إلى أدنى مستوى لها في عشر سنوات.',
          ],
        },
        {
          quote:
            'تفضل اللجنة أن تخفض الفائدة متأخرة بضعة أشهر على أن تضطر إلى التراجع عن قرارها. وعلى الأسواق أن تقرأ ذلك على أنه صبر، لا تردد.',
          cite: 'منى طرابيشي، كبيرة الاقتصاديين في بنك استثمار إقليمي',
        },
        'وجاء القرار متوافقا إلى حد كبير مع توقعات المستثمرين، وأغلق المؤشر الرئيسي للأسهم على ارتفاع طفيف. وتراجعت عوائد السندات قليلا مع رهان المتعاملين على أن يأتي أول خفض في أحد الاجتماعين المقبلين للبنك.',
        'أما بالنسبة إلى الشركات، فتبقى كلفة الائتمان عبئا ثقيلا، لا سيما على الشركات الصغيرة التي تعتمد على القروض المصرفية لتمويل مخزونها. في المقابل، تمول مشروعات البنية التحتية الكبرى في الغالب بقروض طويلة الأجل من مؤسسات التنمية، وهي أقل تأثرا بأسعار الفائدة قصيرة الأجل.',
        { related: 'pb-port-expansion-loan' },
      ],
      notices: [
        {
          kind: 'update',
          text: 'جرى تحديث هذا المقال لإضافة رد فعل سوق السندات بعد إغلاق التداول.',
        },
      ],
    },
  },
  {
    key: 'pb-heat-warning-issued',
    section: 'news',
    tags: ['weather', 'public-health', 'climate-change'],
    authors: ['daniel-reeves'],
    source: 'mashriq',
    daysAgo: 2,
    hour: 8,
    pinnedPosition: 2,
    related: ['pb-desalination-background'],
    en: {
      headline: 'Health ministry issues heat warning as temperatures approach 47C',
      dek: 'Authorities urged residents to avoid outdoor work at midday and opened cooling centres in five cities, as forecasters said the heatwave could last until the weekend.',
      body: [
        'The ministry of health has issued its highest level of heat warning for the central and southern provinces, where temperatures are forecast to reach 47C over the next three days. Residents have been advised to stay indoors between 11am and 4pm, drink water regularly and check on elderly neighbours.',
        'Cooling centres have opened in community halls and schools in five cities, and several municipalities have moved rubbish collection and street cleaning to the early morning. The ministry of labour said outdoor work on construction sites must stop during the hottest hours of the day.',
        {
          quote:
            'Heat is a silent risk. Most of the people we treat for heat exhaustion did not realise they were in danger until they collapsed.',
          cite: 'Dr Samir Haddadin, an emergency physician at a public hospital',
        },
        { heading: 'How to stay safe' },
        {
          list: [
            'Avoid direct sun between 11am and 4pm.',
            'Drink water regularly, even if you are not thirsty.',
            'Never leave children or animals in parked cars.',
            'Call the emergency number if someone becomes confused or stops sweating.',
          ],
        },
        'Forecasters said a mass of hot, dry air would remain over the region until the weekend, before a sea breeze brings some relief to coastal areas. Water utilities have asked households to limit non-essential use as demand rises.',
      ],
      notices: [
        {
          kind: 'update',
          text: 'This article was updated with the ministry of labour’s instruction on outdoor work.',
        },
      ],
    },
    ar: {
      headline: 'وزارة الصحة تصدر تحذيرا من الحر مع اقتراب درجات الحرارة من 47 مئوية',
      dek: 'حثت السلطات السكان على تجنب العمل في الهواء الطلق وقت الظهيرة، وافتتحت مراكز تبريد في خمس مدن، فيما توقع خبراء الأرصاد استمرار الموجة الحارة حتى نهاية الأسبوع.',
      body: [
        'أصدرت وزارة الصحة أعلى درجات التحذير من الحر في المحافظات الوسطى والجنوبية، حيث يتوقع أن تبلغ درجات الحرارة 47 درجة مئوية خلال الأيام الثلاثة المقبلة. ونصحت الوزارة السكان بالبقاء في منازلهم بين الساعة 11 صباحا والساعة 4 عصرا، وشرب الماء بانتظام، وتفقد الجيران من كبار السن.',
        'وافتتحت مراكز للتبريد في قاعات مجتمعية ومدارس في خمس مدن، فيما نقلت بلديات عدة مواعيد جمع النفايات وتنظيف الشوارع إلى الصباح الباكر. وقالت وزارة العمل إن العمل في مواقع البناء المكشوفة يجب أن يتوقف خلال ساعات الذروة الحرارية.',
        {
          quote:
            'الحر خطر صامت. معظم من نعالجهم من الإجهاد الحراري لم يدركوا أنهم في خطر حتى سقطوا أرضا.',
          cite: 'الدكتور سمير حدادين، طبيب طوارئ في مستشفى حكومي',
        },
        { heading: 'كيف تحمي نفسك' },
        {
          list: [
            'تجنب التعرض المباشر للشمس بين الساعة 11 صباحا والساعة 4 عصرا.',
            'اشرب الماء بانتظام حتى لو لم تشعر بالعطش.',
            'لا تترك الأطفال أو الحيوانات في سيارات متوقفة.',
            'اتصل برقم الطوارئ إذا أصيب أحدهم بالارتباك أو توقف عن التعرق.',
          ],
        },
        'وقال خبراء الأرصاد إن كتلة هوائية حارة وجافة ستبقى فوق المنطقة حتى نهاية الأسبوع، قبل أن يحمل نسيم البحر بعض الانفراج إلى المناطق الساحلية. ودعت شركات المياه الأسر إلى الحد من الاستخدام غير الضروري مع ارتفاع الطلب.',
      ],
      notices: [
        {
          kind: 'update',
          text: 'جرى تحديث هذا المقال بإضافة تعليمات وزارة العمل بشأن العمل في الهواء الطلق.',
        },
      ],
    },
  },
  {
    key: 'pb-migratory-birds-accord',
    section: 'world',
    tags: ['diplomacy', 'united-nations', 'climate-change'],
    authors: ['sara-haddad'],
    source: 'nile',
    daysAgo: 640,
    hour: 17,
    en: {
      headline: 'Thirty countries agree to protect stopover sites for migratory birds',
      dek: 'The agreement, reached at a UN-backed conference, commits signatories to map and conserve wetlands used by millions of birds flying between Europe, Africa and Asia.',
      body: [
        'Delegates from 30 countries have agreed to protect a network of wetlands, coastlines and oases used as resting points by migratory birds, at the end of a week-long conference backed by the United Nations. The agreement asks each country to identify its most important stopover sites within two years and to draw up plans to conserve them.',
        'Scientists say many species that travel thousands of kilometres each year depend on a small number of places to rest and feed. Drained marshes, expanding cities and hotter, drier summers have reduced the area of suitable habitat along several major flyways.',
        { pullQuote: 'Many species depend on a small number of places to rest and feed.' },
        {
          quote:
            'A bird that leaves Africa in spring may land in five or six countries before it reaches its nesting grounds. No single government can protect that journey on its own.',
          cite: 'Ingrid Solberg, chair of the conference',
        },
        'The agreement also creates a shared database in which ringing stations and volunteer observers can record sightings. Organisers said it would help countries coordinate the timing of conservation work, such as restoring water levels in wetlands before the main migration seasons.',
        'Environmental groups welcomed the deal but noted that it is not legally binding. Signatories will meet again in three years to review progress, and several delegations said they hoped to attract funding for smaller countries with limited resources.',
      ],
    },
    ar: {
      headline: 'ثلاثون دولة تتفق على حماية محطات استراحة الطيور المهاجرة',
      dek: 'يلزم الاتفاق، الذي جرى التوصل إليه في مؤتمر تدعمه الأمم المتحدة، الدول الموقعة بمسح الأراضي الرطبة التي تعبرها ملايين الطيور بين أوروبا وأفريقيا وآسيا وصونها.',
      body: [
        'اتفق مندوبو 30 دولة على حماية شبكة من الأراضي الرطبة والسواحل والواحات التي تتخذها الطيور المهاجرة محطات للاستراحة، وذلك في ختام مؤتمر استمر أسبوعا بدعم من الأمم المتحدة. ويدعو الاتفاق كل دولة إلى تحديد أهم مواقع الاستراحة على أراضيها خلال عامين، ووضع خطط للحفاظ عليها.',
        'ويقول علماء إن كثيرا من الأنواع التي تقطع آلاف الكيلومترات كل عام تعتمد على عدد قليل من الأماكن للراحة والتغذي. وقد أدى تجفيف المستنقعات وتمدد المدن وازدياد حرارة الصيف وجفافه إلى تقلص مساحة الموائل الملائمة على امتداد عدد من مسارات الهجرة الرئيسية.',
        { pullQuote: 'كثير من الأنواع تعتمد على عدد قليل من الأماكن للراحة والتغذي.' },
        {
          quote:
            'الطائر الذي يغادر أفريقيا في الربيع قد يحط في خمس دول أو ست قبل أن يبلغ مواقع تعشيشه. ولا تستطيع حكومة واحدة أن تحمي هذه الرحلة بمفردها.',
          cite: 'إنغريد سولبرغ، رئيسة المؤتمر',
        },
        'كما ينشئ الاتفاق قاعدة بيانات مشتركة يمكن لمحطات تحجيل الطيور والمراقبين المتطوعين تسجيل مشاهداتهم فيها. وقال المنظمون إنها ستساعد الدول على تنسيق توقيت أعمال الصون، مثل استعادة منسوب المياه في الأراضي الرطبة قبل مواسم الهجرة الرئيسية.',
        'ورحبت منظمات بيئية بالاتفاق، لكنها أشارت إلى أنه غير ملزم قانونا. وستجتمع الدول الموقعة مجددا بعد ثلاث سنوات لمراجعة ما تحقق، فيما أعربت وفود عدة عن أملها في جذب تمويل للدول الصغيرة ذات الموارد المحدودة.',
      ],
    },
  },
  {
    key: 'pb-desalination-background',
    section: 'middle-east',
    tags: ['water', 'drought', 'renewable-energy'],
    authors: ['sara-haddad', 'daniel-reeves'],
    daysAgo: 520,
    hour: 10,
    type: 'background',
    en: {
      headline: 'How coastal cities across the region are turning seawater into drinking water',
      dek: 'Desalination supplies most tap water in several Gulf states, and solar power and new membranes are making it cheaper, though disposing of brine remains a challenge.',
      body: [
        'For decades, desalination was seen as an expensive last resort for countries with little rain and few rivers. Today it supplies most of the drinking water in several Gulf states, and a growing number of cities on the Mediterranean and Red Sea coasts are building plants of their own.',
        { heading: 'From boiling to filtering' },
        'Early plants heated seawater and collected the steam, a process that consumed large amounts of fuel. Most new facilities use reverse osmosis instead, pushing water at high pressure through membranes that hold back the salt, which requires far less energy.',
        'The cost of a cubic metre of desalinated water has fallen by more than half over the past two decades, engineers say. Plants powered partly by solar farms are now being built, reducing both running costs and emissions.',
        {
          quote:
            'Ten years ago nobody would have believed we could run a plant this size on sunlight for most of the day. The technology has moved faster than our planning.',
          cite: 'Nour Al-Amin, a water engineer who advises municipal utilities',
        },
        { heading: 'The brine question' },
        'Every litre of fresh water leaves behind a concentrated brine that is usually pumped back into the sea. Marine scientists warn that in shallow, enclosed waters this can raise salinity and harm sea grass and coral, and researchers are testing ways to dilute the brine or extract minerals from it.',
        'Water experts also stress that desalination is only part of the answer. Repairing leaking networks, reusing treated wastewater and changing the way farms irrigate can save as much water as a new plant produces.',
      ],
    },
    ar: {
      headline: 'كيف تحول المدن الساحلية في المنطقة مياه البحر إلى مياه شرب',
      dek: 'توفر تحلية المياه معظم مياه الصنابير في عدة دول خليجية، وتسهم الطاقة الشمسية والأغشية الحديثة في خفض كلفتها، غير أن التخلص من المحلول الملحي لا يزال تحديا.',
      body: [
        'على مدى عقود، كان ينظر إلى تحلية المياه على أنها ملاذ أخير باهظ الكلفة للدول الشحيحة الأمطار والقليلة الأنهار. أما اليوم، فهي توفر معظم مياه الشرب في عدة دول خليجية، فيما يتزايد عدد المدن الواقعة على سواحل البحرين المتوسط والأحمر التي تبني محطات خاصة بها.',
        { heading: 'من الغلي إلى الترشيح' },
        'كانت المحطات الأولى تسخن مياه البحر وتجمع البخار، وهي عملية تستهلك كميات كبيرة من الوقود. أما معظم المنشآت الحديثة فتعتمد على التناضح العكسي، إذ تدفع المياه بضغط عال عبر أغشية تحجز الملح، وهو ما يتطلب طاقة أقل بكثير.',
        'ويقول مهندسون إن كلفة المتر المكعب من المياه المحلاة تراجعت بأكثر من النصف خلال العقدين الماضيين. ويجري حاليا إنشاء محطات تعمل جزئيا بالطاقة الشمسية، ما يخفض تكاليف التشغيل والانبعاثات على حد سواء.',
        {
          quote:
            'قبل عشر سنوات، لم يكن أحد ليصدق أننا نستطيع تشغيل محطة بهذا الحجم بضوء الشمس معظم ساعات النهار. لقد تقدمت التكنولوجيا أسرع من خططنا.',
          cite: 'نور الأمين، مهندسة مياه تقدم المشورة للمرافق البلدية',
        },
        { heading: 'معضلة المحلول الملحي' },
        'كل لتر من المياه العذبة يخلف وراءه محلولا ملحيا مركزا يعاد ضخه عادة إلى البحر. ويحذر علماء البحار من أن ذلك قد يرفع نسبة الملوحة في المياه الضحلة وشبه المغلقة ويضر بالأعشاب البحرية والشعاب المرجانية، فيما يختبر باحثون طرقا لتخفيف هذا المحلول أو استخراج المعادن منه.',
        'ويشدد خبراء المياه أيضا على أن التحلية ليست سوى جزء من الحل. فإصلاح الشبكات المتسربة، وإعادة استخدام مياه الصرف المعالجة، وتغيير أساليب الري في المزارع، يمكن أن توفر من المياه ما يعادل إنتاج محطة جديدة.',
      ],
    },
  },
  {
    key: 'pb-desert-bloom-survey',
    section: 'science',
    tags: ['weather', 'drought', 'climate-change'],
    authors: ['daniel-reeves'],
    source: 'meridian',
    daysAgo: 5,
    hour: 12,
    isFeatured: true,
    related: ['pb-migratory-birds-accord'],
    en: {
      headline: 'Rare desert bloom gives botanists a glimpse of long-dormant seeds',
      dek: 'Heavy winter rains have turned a normally barren valley green, and scientists are racing to record species that may not flower again for a decade.',
      body: [
        'Wildflowers have carpeted a desert valley that receives almost no rain in most years, after two unusually heavy storms during the winter. Botanists from the national herbarium have counted more than 90 flowering species so far, including several that had not been recorded in the area for over 15 years.',
        'Many desert plants survive as seeds buried in the sand, sometimes for decades, waiting for enough water to germinate. When the rain comes, they grow, flower and set new seed within a few weeks, before the ground dries out again.',
        {
          quote:
            'It is like opening a library that has been locked for years. Every species we find tells us something about how this landscape has changed.',
          cite: 'Dr Huda Karam, a botanist at the national herbarium',
        },
        { gallery: 'desert-bloom' },
        'The team is collecting seeds and leaf samples for the herbarium’s seed bank and using drones to map how far the bloom extends. Researchers also want to understand whether the heavier but less frequent rains expected in a warming climate will favour some species over others.',
        'Authorities have asked visitors to stay on marked trails and not to pick flowers, after the site drew large crowds at weekends. Herders have been allowed to graze their animals in designated areas only.',
        { related: 'pb-desalination-background' },
      ],
    },
    ar: {
      headline: 'إزهار نادر في الصحراء يتيح لعلماء النبات رصد بذور كامنة منذ سنوات',
      dek: 'حولت أمطار الشتاء الغزيرة واديا قاحلا في العادة إلى بساط أخضر، ويسابق العلماء الزمن لتوثيق أنواع قد لا تزهر مجددا قبل عقد من الزمن.',
      body: [
        'كست الأزهار البرية واديا صحراويا لا يكاد يتلقى أي أمطار في معظم السنوات، بعد عاصفتين غزيرتين على غير العادة خلال الشتاء. وأحصى علماء نبات من المعشبة الوطنية أكثر من 90 نوعا مزهرا حتى الآن، من بينها أنواع عدة لم تسجل في المنطقة منذ أكثر من 15 عاما.',
        'وتبقى نباتات صحراوية كثيرة على قيد الحياة في صورة بذور مدفونة في الرمال، أحيانا لعقود، بانتظار ما يكفي من الماء لتنبت. وحين يهطل المطر، تنمو وتزهر وتنتج بذورا جديدة في غضون أسابيع قليلة، قبل أن تجف الأرض من جديد.',
        {
          quote:
            'الأمر أشبه بفتح مكتبة ظلت مغلقة لسنوات. كل نوع نعثر عليه يخبرنا شيئا عن التغيرات التي طرأت على هذا المشهد الطبيعي.',
          cite: 'الدكتورة هدى كرم، عالمة نبات في المعشبة الوطنية',
        },
        { gallery: 'desert-bloom' },
        'ويجمع الفريق بذورا وعينات من الأوراق لبنك البذور التابع للمعشبة، ويستخدم طائرات مسيرة لرسم خريطة لامتداد الإزهار. كما يسعى الباحثون إلى فهم ما إذا كانت الأمطار الأغزر والأقل تواترا، المتوقعة مع ارتفاع حرارة المناخ، ستصب في مصلحة أنواع على حساب أخرى.',
        'وطلبت السلطات من الزوار التزام المسارات المحددة وعدم قطف الأزهار، بعدما استقطب الموقع حشودا كبيرة في عطلات نهاية الأسبوع. ولم يسمح للرعاة برعي مواشيهم إلا في مناطق مخصصة.',
        { related: 'pb-desalination-background' },
      ],
    },
  },
  {
    key: 'pb-libraries-opinion',
    section: 'opinion',
    tags: ['literature', 'education', 'cities'],
    authors: ['lina-mansour'],
    daysAgo: 110,
    hour: 7,
    type: 'opinion',
    en: {
      headline: 'Our public libraries deserve better than shorter hours and empty shelves',
      dek: 'Libraries are among the last places in a city where anyone can spend a day without paying, and cutting their budgets is a false economy.',
      body: [
        'Walk into a public library on a weekday afternoon and you will find students revising for exams, retired people reading the newspapers and job seekers filling in applications on the shared computers. Few other places in a modern city welcome everyone, ask nothing in return and expect them to stay.',
        'Yet in many cities, library budgets have been quietly cut for years. Opening hours have been shortened, new books arrive less often, and branches in poorer neighbourhoods are usually the first to close when money is tight.',
        {
          pullQuote:
            'A library is not a luxury to be trimmed when times are hard; it is the infrastructure of a curious, capable society.',
        },
        'The argument for cuts is always the same: people read on their phones now, and buildings are expensive. But the figures tell a different story. Where libraries have invested in longer hours, children’s programmes and study spaces, visitor numbers have risen, not fallen.',
        'Libraries also protect a shared memory. The manuscripts our national museum spent five years restoring survived because someone, centuries ago, thought them worth keeping and lending. Today’s libraries do the same work for local newspapers, family archives and the books of our own writers.',
        { related: 'pb-manuscripts-exhibition' },
        'Municipalities should treat libraries as they treat roads and water networks: as services a city cannot do without. Restoring evening opening hours would cost little, and it would be repaid many times over in the lives of the people who walk through the doors.',
      ],
    },
    ar: {
      headline: 'مكتباتنا العامة تستحق أكثر من ساعات عمل أقصر ورفوف فارغة',
      dek: 'المكتبات من آخر الأماكن في المدينة التي يستطيع أي شخص أن يقضي فيها يومه من دون أن يدفع شيئا، وخفض ميزانياتها توفير زائف.',
      body: [
        'ادخل مكتبة عامة بعد ظهر أي يوم من أيام الأسبوع، وستجد طلابا يراجعون دروسهم استعدادا للامتحانات، ومتقاعدين يتصفحون الصحف، وباحثين عن عمل يملؤون طلبات التوظيف على الحواسيب المشتركة. وقليلة هي الأماكن في المدينة الحديثة التي ترحب بالجميع، ولا تطلب منهم شيئا في المقابل، وتتوقع منهم أن يبقوا.',
        'ومع ذلك، تتعرض ميزانيات المكتبات في مدن كثيرة لتقليص صامت منذ سنوات. فقد قلصت ساعات العمل، وباتت الكتب الجديدة تصل على فترات متباعدة، وغالبا ما تكون فروع الأحياء الفقيرة أول ما يغلق حين تشح الأموال.',
        {
          pullQuote:
            'المكتبة ليست ترفا يقتطع منه في الأوقات الصعبة، بل هي البنية التحتية لمجتمع فضولي وقادر.',
        },
        'والحجة التي تساق لتبرير التقليص هي نفسها دائما: الناس يقرأون على هواتفهم الآن، والمباني مكلفة. لكن الأرقام تروي قصة مختلفة. فحيثما استثمرت المكتبات في ساعات عمل أطول وبرامج للأطفال وأماكن للدراسة، ارتفع عدد الزوار ولم ينخفض.',
        'وتحفظ المكتبات أيضا ذاكرة مشتركة. فالمخطوطات التي أمضى متحفنا الوطني خمس سنوات في ترميمها نجت لأن أحدهم، قبل قرون، رأى أنها تستحق الحفظ والإعارة. ومكتبات اليوم تؤدي العمل نفسه مع الصحف المحلية وأرشيفات العائلات وكتب أدبائنا.',
        { related: 'pb-manuscripts-exhibition' },
        'على البلديات أن تتعامل مع المكتبات كما تتعامل مع الطرق وشبكات المياه، أي بوصفها خدمات لا تستغني عنها أي مدينة. فإعادة ساعات العمل المسائية لن تكلف الكثير، وسيعود مردودها أضعافا مضاعفة على حياة من يعبرون أبوابها.',
      ],
    },
  },
  {
    key: 'pb-regional-rail-opinion',
    section: 'opinion',
    tags: ['transport', 'cities', 'employment'],
    authors: ['omar-khalil'],
    daysAgo: 1090,
    hour: 18,
    type: 'opinion',
    en: {
      headline: 'A fast rail link between our cities would pay for itself',
      dek: 'Hours lost on congested highways cost the economy far more than a modern railway would, and the case for building one has never been stronger.',
      body: [
        'Anyone who drives between the capital and the coast knows the routine: a journey that should take two hours regularly takes four. Lorries, commuters and holiday traffic share the same road, and a single accident can bring it to a standstill for the rest of the day.',
        'The usual answer has been to add another lane. Each time, the new capacity fills up within a few years, because a wider road encourages more people to drive. We have spent decades widening highways and have less to show for it than we should.',
        { heading: 'What a railway would change' },
        'A fast passenger and freight line would cut the journey to about 70 minutes and take thousands of lorries off the road. Businesses could recruit from a wider area, and young people could live in smaller towns while working in the big cities.',
        {
          list: [
            'Shorter, more reliable journeys for commuters and students',
            'Lower freight costs for farmers and manufacturers',
            'Fewer road accidents and lower emissions',
            'New jobs in construction, operation and maintenance',
          ],
        },
        'Critics will point to the cost, and it would be high. But development lenders and private investors have financed similar projects elsewhere on terms that spread the burden over decades, and ticket and freight revenues would cover much of the running costs.',
        {
          quote:
            'Every year we delay, the price of land along the route rises and the project becomes harder to build.',
          cite: 'Walid Hamoud, a transport economist',
        },
        'The question is not whether we can afford to build the railway, but how much longer we can afford not to. The government should commission a full feasibility study this year and publish it for public debate.',
      ],
    },
    ar: {
      headline: 'خط سكة حديد سريع بين مدننا سيسدد كلفته بنفسه',
      dek: 'الساعات المهدرة على الطرق السريعة المزدحمة تكلف الاقتصاد أكثر بكثير مما قد يكلفه خط حديدي حديث، ولم تكن الحجة لصالح إنشائه أقوى مما هي عليه اليوم.',
      body: [
        'يعرف كل من يقود سيارته بين العاصمة والساحل هذا المشهد المتكرر: رحلة يفترض ألا تستغرق أكثر من ساعتين كثيرا ما تمتد إلى أربع ساعات. فالشاحنات والموظفون المتنقلون يوميا وحركة المصطافين تتقاسم الطريق نفسه، وقد يكفي حادث واحد لشله بقية اليوم.',
        'وكان الحل المعتاد إضافة مسار جديد. وفي كل مرة، تمتلئ الطاقة الإضافية في غضون سنوات قليلة، لأن الطريق الأوسع يشجع مزيدا من الناس على القيادة. لقد أمضينا عقودا في توسيع الطرق السريعة، وما جنيناه أقل مما ينبغي.',
        { heading: 'ما الذي سيغيره القطار' },
        'من شأن خط سريع للركاب والبضائع أن يختصر الرحلة إلى نحو 70 دقيقة، وأن يزيح آلاف الشاحنات عن الطريق. وسيصبح بوسع الشركات استقطاب موظفين من نطاق أوسع، وبوسع الشباب العيش في البلدات الصغيرة والعمل في المدن الكبرى.',
        {
          list: [
            'رحلات أقصر وأكثر انتظاما للموظفين والطلاب',
            'كلفة شحن أقل للمزارعين والمصنعين',
            'حوادث سير أقل وانبعاثات أدنى',
            'وظائف جديدة في البناء والتشغيل والصيانة',
          ],
        },
        'سيحتج المنتقدون بالكلفة، وهي مرتفعة بالفعل. لكن مؤسسات التمويل التنموي والمستثمرين من القطاع الخاص مولوا مشروعات مماثلة في أماكن أخرى بشروط توزع العبء على عقود، كما أن عائدات التذاكر والشحن ستغطي جزءا كبيرا من تكاليف التشغيل.',
        {
          quote:
            'كل عام نؤجل فيه المشروع ترتفع أسعار الأراضي على امتداد المسار، ويصبح البناء أصعب.',
          cite: 'وليد حمود، خبير في اقتصاديات النقل',
        },
        'السؤال ليس ما إذا كنا قادرين على تحمل كلفة إنشاء الخط الحديدي، بل إلى متى نستطيع تحمل كلفة عدم إنشائه. وعلى الحكومة أن تكلف جهة مختصة بإعداد دراسة جدوى شاملة هذا العام، وأن تنشرها للنقاش العام.',
      ],
    },
  },
]
