import type { DemoStory } from './demo-story.js'

/** Stories published in both editions (first half). */
export const PAIRED_STORIES_A: DemoStory[] = [
  // ── World ──────────────────────────────────────────────────────────────
  {
    key: 'pa-river-basin-water-accord',
    section: 'world',
    tags: ['diplomacy', 'united-nations', 'water', 'drought'],
    authors: ['sara-haddad'],
    source: 'meridian',
    daysAgo: 0,
    hour: 8,
    isBreaking: true,
    pinnedPosition: 1,
    en: {
      headline: 'Six countries sign accord to share water from a drying river basin',
      dek: 'The agreement, reached after two years of talks at a United Nations-hosted conference, sets rules for dividing river flows during droughts and for sharing data.',
      body: [
        'Six countries that share one of the region’s largest river basins signed an agreement early this morning to divide its water during dry years, ending two years of negotiations hosted by a United Nations agency. Delegates applauded as the final text was adopted at the closing session of the conference, several hours later than planned.',
        'Under the accord, each country will receive a fixed share of the river’s flow in normal years and a reduced, pre-agreed share when rainfall falls below the long-term average. A joint commission will publish flow measurements from 40 gauging stations every week.',
        {
          quote:
            'This is not the end of the disagreements, but it gives us a way to settle them with numbers rather than with accusations.',
          cite: 'Helena Varga, chair of the negotiations',
        },
        { heading: 'What the agreement contains' },
        {
          list: [
            'A fixed share of the river’s flow for each country in normal years',
            'Automatic reductions, shared equally, when rainfall is below average',
            'Weekly publication of data from 40 gauging stations',
            'A joint commission to settle disputes within 60 days',
          ],
        },
        'Farmers’ groups in the basin, where irrigation uses about 70 per cent of the water, welcomed the deal but said the real test would come with the next drought. Environmental organisations said the text did not set aside enough water to keep the wetlands near the river mouth alive.',
        'The agreement must now be ratified by the six national parliaments. Officials said they expected the joint commission to hold its first meeting within a year.',
        { related: 'pa-solar-desalination-plant' },
      ],
      notices: [
        {
          kind: 'update',
          text: 'This article was updated with reaction from farmers’ groups and environmental organisations.',
        },
      ],
    },
    ar: {
      headline: 'ست دول توقع اتفاقا لتقاسم مياه حوض نهري يعاني الجفاف',
      dek: 'الاتفاق، الذي جاء بعد عامين من المفاوضات في مؤتمر استضافته الأمم المتحدة، يضع قواعد لتوزيع مياه النهر في فترات الجفاف ولتبادل البيانات.',
      body: [
        'وقعت ست دول تتقاسم أحد أكبر الأحواض النهرية في المنطقة اتفاقا في الساعات الأولى من صباح اليوم لتوزيع مياهه خلال سنوات الجفاف، منهية بذلك عامين من المفاوضات التي استضافتها وكالة تابعة للأمم المتحدة. وصفق المندوبون لدى اعتماد النص النهائي في الجلسة الختامية للمؤتمر، بعد ساعات من الموعد المقرر.',
        'وبموجب الاتفاق، تحصل كل دولة على حصة ثابتة من تدفق النهر في السنوات العادية، وعلى حصة مخفضة متفق عليها مسبقا عندما يقل هطول الأمطار عن المعدل طويل الأمد. وستنشر لجنة مشتركة قياسات التدفق من 40 محطة رصد كل أسبوع.',
        {
          quote:
            'هذه ليست نهاية الخلافات، لكنها تمنحنا وسيلة لتسويتها بالأرقام بدلا من تبادل الاتهامات.',
          cite: 'هيلينا فارغا، رئيسة المفاوضات',
        },
        { heading: 'ماذا يتضمن الاتفاق؟' },
        {
          list: [
            'حصة ثابتة من تدفق النهر لكل دولة في السنوات العادية',
            'تخفيضات تلقائية توزع بالتساوي عندما تقل الأمطار عن المعدل',
            'نشر بيانات 40 محطة رصد أسبوعيا',
            'لجنة مشتركة لتسوية النزاعات خلال 60 يوما',
          ],
        },
        'ورحبت جمعيات المزارعين في الحوض، حيث يستهلك الري نحو 70 في المئة من المياه، بالاتفاق، لكنها قالت إن الاختبار الحقيقي سيأتي مع موجة الجفاف المقبلة. في المقابل، رأت منظمات بيئية أن النص لا يخصص ما يكفي من المياه للحفاظ على الأراضي الرطبة قرب مصب النهر.',
        'ويتعين الآن أن تصادق البرلمانات الوطنية في الدول الست على الاتفاق. وقال مسؤولون إنهم يتوقعون أن تعقد اللجنة المشتركة أول اجتماع لها في غضون عام.',
        { related: 'pa-solar-desalination-plant' },
      ],
      notices: [
        {
          kind: 'update',
          text: 'جرى تحديث هذا المقال لإضافة ردود فعل جمعيات المزارعين والمنظمات البيئية.',
        },
      ],
    },
  },
  {
    key: 'pa-port-cities-ferry-network',
    section: 'world',
    tags: ['transport', 'tourism', 'cities'],
    authors: ['sara-haddad'],
    source: 'atlas',
    daysAgo: 290,
    hour: 11,
    en: {
      headline: 'Port cities launch a joint ferry network to link their old harbours',
      dek: 'Five coastal cities will share timetables, tickets and moorings under a plan that aims to draw visitors back to historic waterfronts outside the summer season.',
      body: [
        'Five coastal cities have agreed to run a joint ferry network linking their historic harbours, with a single ticket valid on all routes from next spring. The mayors signed the plan at a meeting in the oldest of the five ports, where the first services will depart.',
        'The network will begin with three routes and 14 vessels, most of them leased from private operators. Timetables will be coordinated so that passengers can change boats without waiting more than an hour, the organisers said.',
        {
          quote:
            'Our harbours were built to be connected to each other, not only to the roads behind them.',
          cite: 'Rafael Costa, mayor of the host city',
        },
        'Officials hope the ferries will spread tourism more evenly across the year and ease pressure on coastal roads in summer. Fishing cooperatives, which share the quays with passenger boats, have been promised dedicated berths and priority access in the early morning.',
        { gallery: 'harbour-morning' },
        'The cost of the first phase is estimated at 38 million dollars, part of it funded by the regional development bank. A review after two seasons will decide whether to add routes to the nearby islands.',
      ],
    },
    ar: {
      headline: 'مدن ساحلية تطلق شبكة عبارات مشتركة تربط موانئها القديمة',
      dek: 'ستتقاسم خمس مدن ساحلية الجداول الزمنية والتذاكر والمراسي ضمن خطة تهدف إلى إعادة الزوار إلى واجهاتها البحرية التاريخية خارج موسم الصيف.',
      body: [
        'اتفقت خمس مدن ساحلية على تشغيل شبكة عبارات مشتركة تربط موانئها التاريخية، بتذكرة موحدة صالحة على جميع الخطوط اعتبارا من الربيع المقبل. ووقع رؤساء البلديات الخطة خلال اجتماع في أقدم الموانئ الخمسة، حيث ستنطلق الرحلات الأولى.',
        'وقال المنظمون إن الشبكة ستبدأ بثلاثة خطوط و14 سفينة، معظمها مستأجر من مشغلين من القطاع الخاص. وسيجري تنسيق المواعيد بحيث لا يضطر الركاب إلى الانتظار أكثر من ساعة عند الانتقال من عبارة إلى أخرى.',
        {
          quote: 'بنيت موانئنا لتكون متصلة ببعضها، لا بالطرق التي خلفها فقط.',
          cite: 'رافائيل كوستا، رئيس بلدية المدينة المضيفة',
        },
        'ويأمل المسؤولون أن تسهم العبارات في توزيع الحركة السياحية على مدار العام وتخفيف الضغط على الطرق الساحلية في الصيف. وتلقت تعاونيات الصيد، التي تتقاسم الأرصفة مع قوارب الركاب، وعودا بمراس مخصصة لها وبأولوية الدخول في الصباح الباكر.',
        { gallery: 'harbour-morning' },
        'وتقدر كلفة المرحلة الأولى بنحو 38 مليون دولار، يمول بنك التنمية الإقليمي جزءا منها. وستحدد مراجعة تجرى بعد موسمين ما إذا كانت ستضاف خطوط إلى الجزر القريبة.',
      ],
    },
  },

  // ── Middle East ────────────────────────────────────────────────────────
  {
    key: 'pa-solar-desalination-plant',
    section: 'middle-east',
    tags: ['water', 'renewable-energy', 'cities'],
    authors: ['sara-haddad', 'omar-khalil'],
    source: 'mashriq',
    daysAgo: 9,
    hour: 14,
    related: ['pa-river-basin-water-accord'],
    en: {
      headline:
        'Coastal city’s first solar-powered desalination plant starts delivering drinking water',
      dek: 'The plant will cover about a fifth of the city’s daily needs, officials say, and cut the energy bill for producing drinking water by nearly half.',
      body: [
        'A desalination plant powered mainly by solar energy has begun supplying drinking water to homes in a fast-growing coastal city, the ministry of water said. The plant can produce 120,000 cubic metres a day, about a fifth of the city’s current consumption.',
        'Desalination is one of the most energy-hungry ways of producing water, and most plants in the region run on electricity generated from gas. The new facility draws its power from a solar farm built alongside it and uses batteries to keep running for several hours after sunset.',
        {
          quote:
            'Every cubic metre we produce from the sun is a cubic metre we no longer pay for with fuel.',
          cite: 'Nadia Al-Amiri, director of the plant',
        },
        { heading: 'Brine and the marine environment' },
        'Marine biologists have raised concerns about the salty brine that desalination plants return to the sea. The operators say the outflow pipe was extended two kilometres offshore and fitted with diffusers that help the brine mix more quickly with seawater.',
        'Engineers will monitor water quality near the outflow every month during the first year, and the results will be published online. A second, larger phase is planned if the first meets its targets.',
      ],
    },
    ar: {
      headline: 'أول محطة تحلية تعمل بالطاقة الشمسية تبدأ تزويد مدينة ساحلية بمياه الشرب',
      dek: 'قال مسؤولون إن المحطة ستغطي نحو 20 في المئة من الاحتياجات اليومية للمدينة، وستخفض كلفة الطاقة اللازمة لإنتاج مياه الشرب إلى النصف تقريبا.',
      body: [
        'بدأت محطة لتحلية مياه البحر تعمل أساسا بالطاقة الشمسية تزويد المنازل بمياه الشرب في مدينة ساحلية سريعة النمو، وفق ما أعلنته وزارة المياه. وتبلغ الطاقة الإنتاجية للمحطة 120 ألف متر مكعب يوميا، أي نحو 20 في المئة من الاستهلاك الحالي للمدينة.',
        'وتعد التحلية من أكثر طرق إنتاج المياه استهلاكا للطاقة، وتعمل معظم المحطات في المنطقة بكهرباء مولدة من الغاز. أما المنشأة الجديدة فتستمد طاقتها من مزرعة شمسية أقيمت بجوارها، وتستخدم بطاريات تتيح لها مواصلة العمل لساعات بعد غروب الشمس.',
        {
          quote: 'كل متر مكعب ننتجه من الشمس هو متر مكعب لم نعد ندفع ثمنه وقودا.',
          cite: 'نادية العامري، مديرة المحطة',
        },
        { heading: 'المياه المالحة والبيئة البحرية' },
        'وأبدى علماء أحياء بحرية قلقهم من المياه شديدة الملوحة التي تعيدها محطات التحلية إلى البحر. ويقول المشغلون إن أنبوب التصريف جرى تمديده لمسافة كيلومترين داخل البحر وتزويده بموزعات تساعد على امتزاج المياه المالحة بمياه البحر بسرعة أكبر.',
        'وسيراقب المهندسون جودة المياه قرب نقطة التصريف شهريا خلال العام الأول، على أن تنشر النتائج على الإنترنت. ومن المقرر تنفيذ مرحلة ثانية أكبر إذا حققت المرحلة الأولى أهدافها.',
      ],
    },
  },
  {
    key: 'pa-festival-of-lights-record',
    section: 'middle-east',
    tags: ['festivals', 'tourism', 'cities'],
    authors: ['lina-mansour', 'sara-haddad'],
    source: 'gulf-bulletin',
    daysAgo: 160,
    hour: 19,
    heroGallery: 'lights-festival',
    en: {
      headline: 'City’s festival of lights draws record crowds in its tenth year',
      dek: 'Organisers counted more than 600,000 visitors over ten nights, as light installations by local students and artists filled the old quarter and the riverbank.',
      body: [
        'A festival of lights in the old quarter of a riverside city drew more than 600,000 visitors over ten nights, a record in the event’s ten-year history, organisers said. Hotels reported occupancy above 90 per cent on both weekends.',
        'This year’s programme featured 45 installations, from projections on the facade of the central library to a tunnel of paper lanterns made by primary school pupils. About a third of the works were created by students of the city’s art school.',
        {
          quote:
            'The festival started with eight installations and a few thousand curious neighbours. Now families plan their winter around it.',
          cite: 'Yasmin Toukan, the festival’s artistic director',
        },
        'The municipality said it had extended public transport until 2am and closed the old bridge to cars for the duration of the festival. Shopkeepers in the old quarter said takings were up sharply, although some residents complained about noise and crowds late at night.',
        'Organisers plan to move part of next year’s programme to neighbourhoods further from the centre to spread the crowds. Applications from artists will open in the spring.',
        { related: 'pa-port-cities-ferry-network' },
      ],
    },
    ar: {
      headline: 'مهرجان الأضواء في المدينة يستقطب أعدادا قياسية من الزوار في عامه العاشر',
      dek: 'أحصى المنظمون أكثر من 600 ألف زائر على مدى عشر ليال، فيما ملأت أعمال ضوئية لطلاب وفنانين محليين الحي القديم وضفة النهر.',
      body: [
        'استقطب مهرجان الأضواء في الحي القديم لمدينة تقع على ضفة نهر أكثر من 600 ألف زائر على مدى عشر ليال، وهو رقم قياسي في تاريخ المهرجان الممتد عشر سنوات، بحسب المنظمين. وأفادت الفنادق بأن نسبة الإشغال تجاوزت 90 في المئة خلال عطلتي نهاية الأسبوع.',
        'وضم برنامج هذا العام 45 عملا فنيا، من العروض الضوئية على واجهة المكتبة المركزية إلى نفق من الفوانيس الورقية صنعه تلاميذ المدارس الابتدائية. وأنجز طلاب مدرسة الفنون في المدينة نحو ثلث هذه الأعمال.',
        {
          quote:
            'بدأ المهرجان بثمانية أعمال وبضعة آلاف من الجيران الفضوليين، أما اليوم فتخطط العائلات لفصل الشتاء على أساسه.',
          cite: 'ياسمين طوقان، المديرة الفنية للمهرجان',
        },
        'وقالت البلدية إنها مددت ساعات عمل النقل العام حتى الثانية فجرا وأغلقت الجسر القديم أمام السيارات طوال أيام المهرجان. وأكد أصحاب المتاجر في الحي القديم أن مبيعاتهم ارتفعت بشكل ملحوظ، في حين اشتكى بعض السكان من الضجيج والازدحام في ساعات متأخرة من الليل.',
        'ويعتزم المنظمون نقل جزء من برنامج العام المقبل إلى أحياء أبعد عن المركز لتوزيع الحشود. وسيفتح باب التقديم أمام الفنانين في الربيع.',
        { related: 'pa-port-cities-ferry-network' },
      ],
    },
  },

  // ── Markets ────────────────────────────────────────────────────────────
  {
    key: 'pa-central-bank-surprise-cut',
    section: 'markets',
    tags: ['central-banks', 'inflation', 'housing'],
    authors: ['omar-khalil'],
    source: 'continental',
    daysAgo: 1,
    hour: 16,
    isBreaking: true,
    en: {
      headline: 'Central bank cuts interest rates for the first time in two years',
      dek: 'The unexpected quarter-point cut follows three months of slowing inflation, but the bank’s governor warned that further reductions were not guaranteed.',
      body: [
        'The central bank cut its main interest rate by a quarter of a percentage point to 5.25 per cent, its first reduction in two years. Most economists surveyed before the meeting had expected rates to stay on hold.',
        'Annual inflation slowed to 3.1 per cent last month from a peak of 7.8 per cent, according to official figures, helped by lower food and transport prices. The bank said growth in lending to households and small businesses had weakened more than expected.',
        {
          quote:
            'We are not declaring victory over inflation. We are recognising that the balance of risks has shifted.',
          cite: 'Samir Aboud, governor of the central bank, at a news conference',
        },
        'Shares in lenders and property developers rose after the announcement, while the local currency eased slightly against the dollar. Government bond yields fell to their lowest level in more than a year.',
        'Analysts said the bank was likely to wait for at least two more months of data before deciding whether to cut again. Its next policy meeting is scheduled for the end of next month.',
        { related: 'pa-fuel-prices-shipping-analysis' },
      ],
      notices: [
        {
          kind: 'correction',
          text: 'An earlier version of this article misstated last month’s inflation rate. It was 3.1 per cent, not 3.4 per cent.',
        },
      ],
    },
    ar: {
      headline: 'البنك المركزي يخفض أسعار الفائدة للمرة الأولى منذ عامين',
      dek: 'جاء الخفض غير المتوقع بمقدار ربع نقطة مئوية بعد ثلاثة أشهر من تباطؤ التضخم، لكن محافظ البنك حذر من أن مزيدا من التخفيضات ليس مضمونا.',
      body: [
        'خفض البنك المركزي سعر الفائدة الرئيسي بمقدار ربع نقطة مئوية إلى 5.25 في المئة، في أول خفض له منذ عامين. وكان معظم الاقتصاديين الذين استطلعت آراؤهم قبل الاجتماع يتوقعون إبقاء الفائدة دون تغيير.',
        'وتباطأ معدل التضخم السنوي إلى 3.1 في المئة الشهر الماضي من ذروة بلغت 7.8 في المئة، وفقا للأرقام الرسمية، مدعوما بانخفاض أسعار الغذاء والنقل. وقال البنك إن نمو الإقراض للأسر والشركات الصغيرة تراجع أكثر من المتوقع.',
        {
          quote: 'لا نعلن الانتصار على التضخم، لكننا نقر بأن ميزان المخاطر قد تغير.',
          cite: 'سمير عبود، محافظ البنك المركزي، في مؤتمر صحفي',
        },
        'وارتفعت أسهم البنوك وشركات التطوير العقاري عقب الإعلان، في حين تراجعت العملة المحلية قليلا أمام الدولار. وهبطت عوائد السندات الحكومية إلى أدنى مستوى لها منذ أكثر من عام.',
        'ورأى محللون أن البنك سينتظر على الأرجح بيانات شهرين آخرين على الأقل قبل أن يقرر خفضا جديدا. ومن المقرر أن يعقد اجتماعه المقبل للسياسة النقدية في نهاية الشهر المقبل.',
        { related: 'pa-fuel-prices-shipping-analysis' },
      ],
      notices: [
        {
          kind: 'correction',
          text: 'ذكرت نسخة سابقة من هذا المقال معدل التضخم للشهر الماضي بشكل خاطئ، إذ بلغ 3.1 في المئة وليس 3.4 في المئة.',
        },
      ],
    },
  },
  {
    key: 'pa-fuel-prices-shipping-analysis',
    section: 'markets',
    tags: ['oil', 'trade', 'inflation'],
    authors: ['omar-khalil'],
    daysAgo: 430,
    hour: 10,
    type: 'analysis',
    isFeatured: true,
    en: {
      headline: 'Analysis: Why fuel prices at the pump no longer follow crude oil',
      dek: 'Refining capacity, shipping costs and currency swings now explain more of what drivers pay than the price of a barrel, our markets correspondent writes.',
      body: [
        'For years, drivers in the region could predict petrol prices by watching the price of crude oil. Over the past twelve months that link has weakened: crude fell by almost a fifth, while the average pump price rose by 6 per cent.',
        { heading: 'Refineries and ships' },
        'Part of the explanation lies in refining. Several older refineries have closed, some for maintenance and some for good, and the margin that the remaining refiners earn on each barrel of diesel has more than doubled.',
        'Shipping is the second factor. Tanker rates on the main routes into the region have risen sharply as vessels make longer journeys, and insurers charge more for cargoes of refined fuel than for crude.',
        {
          quote:
            'People see the crude price on the news and feel cheated at the petrol station. In fact, the pressure is coming from further down the chain.',
          cite: 'Leila Barakat, an energy economist at a regional research institute',
        },
        'Currency movements add a third layer, because fuel is priced in dollars while most consumers are paid in local currency. Where local currencies have weakened, even falling dollar prices translate into higher costs at home.',
        {
          pullQuote:
            'Until then, the price of a barrel will remain a poor guide to the price of a tank.',
        },
        'None of these pressures is permanent. New refining capacity due to open over the next two years should narrow margins, analysts say, but until then the price of a barrel will remain a poor guide to the price of a tank.',
      ],
    },
    ar: {
      headline: 'تحليل: لماذا لم تعد أسعار الوقود في المحطات تتبع أسعار النفط الخام؟',
      dek: 'باتت طاقة التكرير وكلفة الشحن وتقلبات العملات تفسر جزءا أكبر مما يدفعه السائقون مقارنة بسعر البرميل، كما يكتب مراسلنا لشؤون الأسواق.',
      body: [
        'ظل السائقون في المنطقة لسنوات قادرين على توقع أسعار البنزين من خلال متابعة سعر النفط الخام. لكن هذه العلاقة ضعفت خلال الأشهر الاثني عشر الماضية، إذ تراجع سعر الخام بما يقارب 20 في المئة، في حين ارتفع متوسط سعر الوقود في المحطات بنسبة 6 في المئة.',
        { heading: 'المصافي والسفن' },
        'يكمن جزء من التفسير في قطاع التكرير. فقد أغلقت عدة مصاف قديمة أبوابها، بعضها للصيانة وبعضها نهائيا، وارتفع هامش الربح الذي تحققه المصافي المتبقية على كل برميل من الديزل إلى أكثر من مثليه.',
        'أما العامل الثاني فهو الشحن. إذ ارتفعت أجور ناقلات النفط على الطرق الرئيسية المؤدية إلى المنطقة بشكل حاد مع قيام السفن برحلات أطول، كما تفرض شركات التأمين رسوما أعلى على شحنات الوقود المكرر مقارنة بالخام.',
        {
          quote:
            'يرى الناس سعر الخام في نشرات الأخبار فيشعرون بالغبن في محطة الوقود، لكن الضغط في الواقع يأتي من حلقات لاحقة في السلسلة.',
          cite: 'ليلى بركات، خبيرة اقتصاد الطاقة في معهد أبحاث إقليمي',
        },
        'وتضيف تحركات العملات طبقة ثالثة، لأن الوقود يسعر بالدولار بينما يتقاضى معظم المستهلكين أجورهم بالعملة المحلية. وحيثما ضعفت العملات المحلية، تتحول حتى أسعار الدولار المتراجعة إلى كلفة أعلى في الداخل.',
        {
          pullQuote: 'سيظل سعر البرميل حتى ذلك الحين دليلا ضعيفا على كلفة ملء خزان الوقود.',
        },
        'ولا يعد أي من هذه الضغوط دائما. ويقول محللون إن طاقة تكرير جديدة يتوقع تشغيلها خلال العامين المقبلين ستقلص الهوامش، لكن سعر البرميل سيظل حتى ذلك الحين دليلا ضعيفا على كلفة ملء خزان الوقود.',
      ],
    },
  },

  // ── Technology ─────────────────────────────────────────────────────────
  {
    key: 'pa-arabic-speech-startups',
    section: 'technology',
    tags: ['startups', 'artificial-intelligence'],
    authors: ['maya-farouk'],
    daysAgo: 30,
    hour: 12,
    type: 'analysis',
    isFeatured: true,
    en: {
      headline: 'Analysis: Start-ups race to teach machines the region’s spoken dialects',
      dek: 'Voice assistants still struggle with everyday spoken Arabic, and a new generation of small companies is betting that local data, not bigger models, will close the gap.',
      body: [
        'Ask most voice assistants a question in formal Arabic and they will usually understand. Switch to the dialect spoken at home or in the market, and accuracy drops sharply, according to tests by university researchers who found error rates up to four times higher.',
        'That gap has become a business opportunity. At least a dozen start-ups across the region are now collecting recordings of everyday speech, from call-centre conversations to radio phone-ins, to train speech recognition systems for specific dialects.',
        {
          quote:
            'The big systems were trained on news broadcasts and books. Nobody orders a taxi the way a newsreader speaks.',
          cite: 'Tamer Lotfi, co-founder of a speech technology start-up',
        },
        { heading: 'Data, consent and cost' },
        'Collecting that data is slow and expensive. Companies pay volunteers to record set phrases and must obtain consent for every recording, which founders say is essential to win the trust of banks and hospitals, their main customers.',
        'Investors have taken note: funding for language technology start-ups in the region roughly tripled last year, although from a small base. Most of the money has gone to companies that sell to businesses rather than directly to consumers.',
        'The bigger question is whether small firms can keep their lead once larger technology groups turn their attention to dialects. Several founders said their best protection was the relationships they had built with the communities whose voices they record.',
      ],
    },
    ar: {
      headline: 'تحليل: شركات ناشئة تتسابق لتعليم الآلات اللهجات المحكية في المنطقة',
      dek: 'لا تزال المساعدات الصوتية تجد صعوبة في فهم العربية اليومية المحكية، ويراهن جيل جديد من الشركات الصغيرة على أن البيانات المحلية، لا النماذج الأكبر، ستسد هذه الفجوة.',
      body: [
        'إذا طرحت سؤالا بالعربية الفصحى على معظم المساعدات الصوتية فستفهمه في الغالب. أما إذا انتقلت إلى اللهجة المستخدمة في البيت أو السوق، فإن الدقة تتراجع بشكل حاد، وفق اختبارات أجراها باحثون جامعيون وجدوا أن معدلات الخطأ تصل إلى أربعة أضعاف.',
        'وتحولت هذه الفجوة إلى فرصة تجارية. فهناك الآن 12 شركة ناشئة على الأقل في أنحاء المنطقة تعمل على جمع تسجيلات للكلام اليومي، من محادثات مراكز الاتصال إلى مداخلات المستمعين في البرامج الإذاعية، لتدريب أنظمة التعرف على الكلام على لهجات بعينها.',
        {
          quote:
            'جرى تدريب الأنظمة الكبرى على نشرات الأخبار والكتب، ولا أحد يطلب سيارة أجرة بالطريقة التي يتحدث بها مذيع الأخبار.',
          cite: 'تامر لطفي، المؤسس المشارك لشركة ناشئة في تقنيات الكلام',
        },
        { heading: 'البيانات والموافقة والكلفة' },
        'وجمع هذه البيانات عملية بطيئة ومكلفة. فالشركات تدفع لمتطوعين مقابل تسجيل عبارات محددة، وعليها الحصول على موافقة عن كل تسجيل، وهو ما يعده المؤسسون أمرا أساسيا لكسب ثقة المصارف والمستشفيات، أبرز عملائها.',
        'وقد لفت ذلك انتباه المستثمرين، إذ تضاعف تمويل الشركات الناشئة في مجال تقنيات اللغة في المنطقة ثلاث مرات تقريبا العام الماضي، وإن كان ذلك انطلاقا من قاعدة صغيرة. وذهب معظم هذه الأموال إلى شركات تبيع خدماتها للمؤسسات لا للمستهلكين مباشرة.',
        'ويبقى السؤال الأكبر ما إذا كانت الشركات الصغيرة قادرة على الحفاظ على تقدمها حين تلتفت مجموعات التكنولوجيا الكبرى إلى اللهجات. وقال عدد من المؤسسين إن أفضل ما يحميهم هو العلاقات التي بنوها مع المجتمعات التي يسجلون أصواتها.',
      ],
    },
  },
  {
    key: 'pa-city-services-cyberattack',
    section: 'technology',
    tags: ['cybersecurity', 'cities'],
    authors: ['maya-farouk'],
    source: 'meridian',
    daysAgo: 3,
    hour: 20,
    en: {
      headline:
        'City restores online services after cyber attack disrupted payments for three days',
      dek: 'Residents were unable to pay bills or book appointments online while engineers rebuilt the systems; officials said no evidence had been found that personal data was stolen.',
      body: [
        'A large coastal city has restored most of its online services after a cyber attack knocked out its payment and booking systems for three days, the municipality said. Counters at district offices stayed open throughout, but queues stretched for hours.',
        'Officials said the attackers had encrypted files on several servers, a technique typical of ransomware, and that a demand for payment had been received. The municipality said it had not paid and had restored the systems from backups.',
        {
          quote: 'Our backups worked, which is why we are talking about days and not weeks.',
          cite: 'Rania Saleh, head of digital services at the municipality',
        },
        'Investigators have so far found no evidence that residents’ personal data was copied, but the city has advised people to watch for suspicious messages asking for payment details. Late fees on bills that fell due during the outage will be waived.',
        { heading: 'What residents should know' },
        {
          list: [
            'Bills that fell due during the outage can be paid without late fees until the end of the month',
            'The city will never ask for card details by text message',
            'Appointments cancelled during the outage will be rebooked automatically',
          ],
        },
        { related: 'pa-arabic-speech-startups' },
      ],
      notices: [
        {
          kind: 'update',
          text: 'This article was updated to include the municipality’s advice to residents.',
        },
      ],
    },
    ar: {
      headline: 'مدينة تستعيد خدماتها الإلكترونية بعد هجوم سيبراني عطل المدفوعات ثلاثة أيام',
      dek: 'تعذر على السكان دفع الفواتير أو حجز المواعيد عبر الإنترنت بينما أعاد المهندسون بناء الأنظمة، وقال مسؤولون إنه لم يعثر على ما يدل على سرقة بيانات شخصية.',
      body: [
        'استعادت مدينة ساحلية كبيرة معظم خدماتها الإلكترونية بعد هجوم سيبراني عطل أنظمة الدفع والحجز لديها ثلاثة أيام، وفق ما أعلنته البلدية. وظلت شبابيك الخدمة في المكاتب الفرعية مفتوحة طوال تلك الفترة، لكن الطوابير امتدت لساعات.',
        'وقال مسؤولون إن المهاجمين قاموا بتشفير ملفات على عدة خوادم، وهو أسلوب معتاد في هجمات برامج الفدية، وإن طلبا بدفع فدية قد ورد. وأكدت البلدية أنها لم تدفع، وأنها أعادت تشغيل الأنظمة من النسخ الاحتياطية.',
        {
          quote: 'نجحت نسخنا الاحتياطية، ولهذا نتحدث عن أيام لا عن أسابيع.',
          cite: 'رانيا صالح، رئيسة الخدمات الرقمية في البلدية',
        },
        'ولم يعثر المحققون حتى الآن على ما يدل على نسخ البيانات الشخصية للسكان، لكن المدينة نصحت الأهالي بالحذر من الرسائل المشبوهة التي تطلب بيانات الدفع. كما ستلغى غرامات التأخير على الفواتير التي استحقت خلال فترة التعطل.',
        { heading: 'ما يجب أن يعرفه السكان' },
        {
          list: [
            'يمكن دفع الفواتير التي استحقت خلال فترة التعطل دون غرامات حتى نهاية الشهر',
            'لن تطلب المدينة أبدا بيانات البطاقات عبر الرسائل النصية',
            'ستعاد جدولة المواعيد التي ألغيت خلال فترة التعطل تلقائيا',
          ],
        },
        { related: 'pa-arabic-speech-startups' },
      ],
      notices: [
        {
          kind: 'update',
          text: 'جرى تحديث هذا المقال لإضافة إرشادات البلدية للسكان.',
        },
      ],
    },
  },

  // ── Climate ────────────────────────────────────────────────────────────
  {
    key: 'pa-desert-rains-rare-bloom',
    section: 'climate',
    tags: ['weather', 'drought', 'climate-change', 'agriculture'],
    authors: ['daniel-reeves'],
    daysAgo: 700,
    hour: 9,
    type: 'background',
    en: {
      headline: 'After rare winter rains, the desert bursts into bloom for a few weeks',
      dek: 'Botanists say the heaviest rainfall in more than a decade has woken seeds that lay dormant for years, offering a rare chance to study how desert plants survive.',
      body: [
        'Wildflowers have carpeted dunes and gravel plains across a wide stretch of desert after the heaviest winter rains in more than a decade. Herders say grazing land that had been bare for years turned green almost overnight.',
        'Many desert plants survive droughts as seeds, which can lie in the sand for years until enough rain falls to trigger germination. They then grow, flower and set new seed within a few weeks, before the ground dries out again.',
        { gallery: 'desert-bloom' },
        {
          quote:
            'In a normal year we might record 30 species along this trail. This season we have counted more than 120.',
          cite: 'Dr Mona Shaker, a botanist at a national herbarium',
        },
        { heading: 'A window for research' },
        'Researchers are using the bloom to collect seeds for a regional seed bank and to map which species appear after heavy rain. The data will help scientists understand how desert ecosystems may respond as rainfall becomes more erratic in a warming climate.',
        'Scientists caution that one wet winter does not end a long drought. Groundwater levels, which feed the wells used by farmers and herders, recover far more slowly than the plants on the surface.',
      ],
    },
    ar: {
      headline: 'بعد أمطار شتوية نادرة، الصحراء تزهر لبضعة أسابيع',
      dek: 'يقول علماء نبات إن أغزر أمطار منذ أكثر من عقد أيقظت بذورا ظلت كامنة لسنوات، ما يتيح فرصة نادرة لدراسة كيفية بقاء النباتات الصحراوية.',
      body: [
        'غطت الأزهار البرية الكثبان الرملية والسهول الحصوية في مساحة واسعة من الصحراء، بعد أغزر أمطار شتوية منذ أكثر من عقد. ويقول رعاة إن المراعي التي ظلت جرداء لسنوات اكتست بالخضرة بين ليلة وضحاها تقريبا.',
        'وتنجو نباتات صحراوية كثيرة من الجفاف على شكل بذور يمكن أن تبقى في الرمال سنوات طويلة حتى تهطل أمطار كافية لتحفيز إنباتها. ثم تنمو وتزهر وتنتج بذورا جديدة في غضون أسابيع قليلة، قبل أن تجف الأرض مجددا.',
        { gallery: 'desert-bloom' },
        {
          quote:
            'في العام العادي قد نسجل 30 نوعا على طول هذا المسار، أما هذا الموسم فقد أحصينا أكثر من 120 نوعا.',
          cite: 'الدكتورة منى شاكر، عالمة نبات في معشبة وطنية',
        },
        { heading: 'نافذة للبحث العلمي' },
        'ويستغل الباحثون موسم الإزهار لجمع البذور لصالح بنك بذور إقليمي، ولرسم خريطة للأنواع التي تظهر بعد الأمطار الغزيرة. وستساعد هذه البيانات العلماء على فهم كيفية استجابة النظم البيئية الصحراوية مع تزايد تذبذب الأمطار في مناخ يزداد حرارة.',
        'ويحذر العلماء من أن شتاء ماطرا واحدا لا ينهي جفافا طويل الأمد. فمستويات المياه الجوفية، التي تغذي الآبار التي يعتمد عليها المزارعون والرعاة، تتعافى بوتيرة أبطأ بكثير من الغطاء النباتي على السطح.',
      ],
    },
  },
  {
    key: 'pa-city-shade-heat-plan',
    section: 'climate',
    tags: ['climate-change', 'cities', 'weather'],
    authors: ['daniel-reeves'],
    daysAgo: 0,
    hour: 6,
    related: ['pa-desert-rains-rare-bloom', 'pa-solar-desalination-plant'],
    en: {
      headline: 'Cities turn to trees, awnings and cool roofs as summers grow hotter',
      dek: 'A growing number of municipalities are redesigning their streets to protect residents from extreme heat, with shaded walking routes, drinking fountains and reflective roofs.',
      body: [
        'Municipalities across the region are planting trees, stretching awnings over pavements and painting roofs white as summer temperatures climb, according to a survey of 60 cities published today by an urban planning network. Two-thirds of the cities surveyed now have a written heat plan, up from fewer than one in five a few years ago.',
        'The most common measures are cheap and quick: shelters at bus stops, drinking fountains in markets and longer opening hours for air-conditioned public buildings. Larger projects, such as planting corridors of trees along main streets, take years to pay off because young trees give little shade.',
        {
          quote:
            'A bus stop without shade in the height of summer is not a bus stop; it is a hazard. We started with the stops because that is where people wait in the sun with no choice.',
          cite: 'Khaled Othman, an urban planner who advises several municipalities',
        },
        'Measurements in one mid-sized city found that streets lined with mature trees were up to 8 degrees cooler at pavement level in the afternoon than bare streets nearby. Reflective roofs lowered indoor temperatures in low-rise homes by 2 to 3 degrees.',
        {
          pullQuote:
            'A bus stop without shade in the height of summer is not a bus stop; it is a hazard.',
        },
        'The survey found that poorer neighbourhoods, which tend to have fewer trees and more people working outdoors, were often the last to benefit. Its authors recommend that cities map heat exposure street by street and start where the risk is highest.',
      ],
    },
    ar: {
      headline: 'المدن تلجأ إلى الأشجار والمظلات والأسطح العاكسة مع اشتداد حرارة الصيف',
      dek: 'يعيد عدد متزايد من البلديات تصميم شوارعها لحماية السكان من الحر الشديد، عبر مسارات مظللة للمشاة ونوافير لمياه الشرب وأسطح عاكسة لأشعة الشمس.',
      body: [
        'تزرع البلديات في أنحاء المنطقة الأشجار وتمد المظلات فوق الأرصفة وتطلي الأسطح باللون الأبيض مع ارتفاع درجات الحرارة صيفا، وفق مسح شمل 60 مدينة نشرته اليوم شبكة متخصصة في التخطيط الحضري. وباتت لدى ثلثي المدن المشمولة بالمسح خطة مكتوبة لمواجهة الحر، مقارنة بأقل من مدينة واحدة من كل خمس مدن قبل بضع سنوات.',
        'وأكثر الإجراءات شيوعا هي الأرخص والأسرع تنفيذا: مظلات في محطات الحافلات، ونوافير لمياه الشرب في الأسواق، وتمديد ساعات عمل المباني العامة المكيفة. أما المشاريع الأكبر، مثل زراعة ممرات من الأشجار على طول الشوارع الرئيسية، فتحتاج إلى سنوات لتؤتي ثمارها لأن الأشجار الصغيرة لا توفر سوى القليل من الظل.',
        {
          quote:
            'محطة الحافلات بلا ظل في عز الصيف ليست محطة، بل مصدر خطر. بدأنا بالمحطات لأنها المكان الذي ينتظر فيه الناس تحت الشمس من دون أي خيار آخر.',
          cite: 'خالد عثمان، مخطط حضري يقدم المشورة لعدة بلديات',
        },
        'ووجدت قياسات أجريت في مدينة متوسطة الحجم أن الشوارع التي تصطف على جانبيها أشجار كبيرة كانت أبرد بما يصل إلى 8 درجات على مستوى الرصيف بعد الظهر، مقارنة بالشوارع المجاورة الخالية من الأشجار. كما خفضت الأسطح العاكسة درجات الحرارة داخل المنازل المنخفضة بمقدار درجتين إلى ثلاث درجات.',
        { pullQuote: 'محطة الحافلات بلا ظل في عز الصيف ليست محطة، بل مصدر خطر.' },
        'وخلص المسح إلى أن الأحياء الأفقر، التي تقل فيها الأشجار ويعمل كثير من سكانها في الهواء الطلق، كانت غالبا آخر من يستفيد. ويوصي معدو المسح بأن ترسم المدن خرائط للتعرض للحر شارعا شارعا، وأن تبدأ حيث يكون الخطر أكبر.',
      ],
    },
  },

  // ── Health ─────────────────────────────────────────────────────────────
  {
    key: 'pa-mobile-clinics-vaccination',
    section: 'health',
    tags: ['vaccines', 'public-health'],
    authors: ['daniel-reeves'],
    source: 'mashriq',
    daysAgo: 1050,
    hour: 13,
    en: {
      headline: 'Mobile clinics bring childhood vaccines to remote mountain villages',
      dek: 'The health ministry says its new fleet of clinic vans reached more than 40,000 children in its first six months, raising vaccination rates in districts far from hospitals.',
      body: [
        'A fleet of mobile clinics has vaccinated more than 40,000 children in remote mountain villages in the first six months of a new programme, the health ministry said. The vans, each staffed by a doctor and two nurses, visit every village on a fixed day each month.',
        'Before the programme, families in some districts had to travel for more than three hours to reach the nearest clinic, and many children missed the second or third doses of routine vaccines. The share of children in those districts who completed the full course of the measles vaccine has risen from 71 per cent to 88 per cent, according to ministry figures.',
        {
          quote:
            'Mothers used to lose a whole day’s work to bring a child for one injection. Now the clinic parks outside the school.',
          cite: 'Dr Hassan Idris, who coordinates the programme in the northern districts',
        },
        { heading: 'Keeping vaccines cold' },
        'The biggest technical challenge has been keeping vaccines at the right temperature on long mountain roads. Each van carries solar-charged refrigerators and temperature loggers, and any batch exposed to heat is discarded.',
        'The ministry plans to add 20 vans next year and to extend the service to check-ups for adults, including blood pressure and diabetes screening. Health workers say the greatest benefit may be the trust that comes from seeing the same team every month.',
      ],
    },
    ar: {
      headline: 'عيادات متنقلة توصل لقاحات الأطفال إلى قرى جبلية نائية',
      dek: 'تقول وزارة الصحة إن أسطولها الجديد من العيادات المتنقلة وصل إلى أكثر من 40 ألف طفل في الأشهر الستة الأولى، ما رفع نسب التطعيم في مناطق بعيدة عن المستشفيات.',
      body: [
        'قدم أسطول من العيادات المتنقلة اللقاحات لأكثر من 40 ألف طفل في قرى جبلية نائية خلال الأشهر الستة الأولى من برنامج جديد، بحسب ما أعلنته وزارة الصحة. وتزور كل عيادة، يعمل فيها طبيب وممرضتان، كل قرية في يوم محدد من كل شهر.',
        'وقبل إطلاق البرنامج، كانت الأسر في بعض المناطق تضطر إلى السفر أكثر من ثلاث ساعات للوصول إلى أقرب عيادة، وكان كثير من الأطفال يفوتون الجرعة الثانية أو الثالثة من اللقاحات الأساسية. وارتفعت نسبة الأطفال الذين أكملوا جرعات لقاح الحصبة في تلك المناطق من 71 في المئة إلى 88 في المئة، وفقا لأرقام الوزارة.',
        {
          quote:
            'كانت الأمهات يخسرن يوم عمل كاملا لإحضار الطفل من أجل حقنة واحدة، أما الآن فالعيادة تقف أمام المدرسة.',
          cite: 'الدكتور حسن إدريس، منسق البرنامج في المناطق الشمالية',
        },
        { heading: 'الحفاظ على برودة اللقاحات' },
        'وكان التحدي التقني الأكبر هو حفظ اللقاحات في درجة الحرارة المناسبة على الطرق الجبلية الطويلة. إذ تحمل كل عيادة ثلاجات تشحن بالطاقة الشمسية وأجهزة لتسجيل درجات الحرارة، ويجري إتلاف أي دفعة تتعرض للحرارة.',
        'وتعتزم الوزارة إضافة 20 عيادة متنقلة العام المقبل، وتوسيع الخدمة لتشمل الفحوص الدورية للبالغين، ومنها قياس ضغط الدم والكشف عن السكري. ويقول العاملون الصحيون إن الفائدة الكبرى قد تكون الثقة التي تنشأ من رؤية الفريق نفسه كل شهر.',
      ],
    },
  },
  {
    key: 'pa-school-health-checks',
    section: 'health',
    tags: ['public-health', 'education'],
    authors: ['daniel-reeves'],
    daysAgo: 75,
    hour: 11,
    type: 'background',
    related: ['pa-mobile-clinics-vaccination'],
    en: {
      headline: 'Explainer: What the new school health checks mean for families',
      dek: 'Every primary pupil will have their eyesight, hearing and growth checked at school from this autumn, under a programme that parents can opt out of.',
      body: [
        'The health and education ministries have announced that every child in primary school will receive a free health check at school each year, starting this autumn. The checks will be carried out by school nurses and visiting teams from local health centres.',
        { heading: 'What will be checked?' },
        {
          list: [
            'Eyesight, using a standard reading chart',
            'Hearing, with a short test using headphones',
            'Height and weight, to track growth',
            'Whether routine vaccinations are up to date',
          ],
        },
        'Parents will receive a letter at least two weeks before the check and can choose to opt out. Results will be sent home in a sealed envelope, and children who need further tests will be referred to a clinic or a specialist.',
        {
          quote:
            'Many of the problems that hold children back in class, such as poor eyesight, are simple to fix if they are found early.',
          cite: 'Dr Salma Qasim, a paediatrician who helped design the programme',
        },
        'A pilot in 150 schools last year found that about one pupil in eight needed glasses but did not have them. Teachers at the pilot schools reported that some children’s reading improved within weeks of receiving glasses.',
        'The ministries say the programme will cost about 12 million dollars a year and will require 400 additional school nurses. Unions representing nurses have welcomed the plan but warned that recruitment will take time.',
      ],
    },
    ar: {
      headline: 'أسئلة وأجوبة: ماذا تعني الفحوص الصحية المدرسية الجديدة للأسر؟',
      dek: 'سيخضع كل تلاميذ المرحلة الابتدائية لفحص النظر والسمع والنمو في المدرسة اعتبارا من خريف هذا العام، ضمن برنامج يحق للأهل عدم المشاركة فيه.',
      body: [
        'أعلنت وزارتا الصحة والتعليم أن كل تلميذ في المرحلة الابتدائية سيخضع لفحص صحي مجاني في المدرسة كل عام، بدءا من خريف هذا العام. وسيتولى إجراء الفحوص ممرضو المدارس وفرق زائرة من المراكز الصحية المحلية.',
        { heading: 'ما الذي سيشمله الفحص؟' },
        {
          list: [
            'النظر، باستخدام لوحة القراءة المعتمدة',
            'السمع، عبر اختبار قصير باستخدام سماعات الرأس',
            'الطول والوزن، لمتابعة النمو',
            'مدى استكمال التطعيمات الأساسية',
          ],
        },
        'وسيتلقى الأهل رسالة قبل أسبوعين على الأقل من موعد الفحص، ويمكنهم اختيار عدم مشاركة أبنائهم. وسترسل النتائج إلى المنازل في مظروف مغلق، وسيحال الأطفال الذين يحتاجون إلى فحوص إضافية إلى عيادة أو طبيب مختص.',
        {
          quote:
            'كثير من المشكلات التي تعيق الأطفال في الصف، مثل ضعف النظر، يسهل علاجها إذا اكتشفت مبكرا.',
          cite: 'الدكتورة سلمى قاسم، طبيبة أطفال شاركت في تصميم البرنامج',
        },
        'ووجدت تجربة أولية شملت 150 مدرسة العام الماضي أن نحو تلميذ من كل ثمانية تلاميذ يحتاج إلى نظارات لكنه لا يملكها. وأفاد معلمون في المدارس المشاركة بأن قراءة بعض الأطفال تحسنت في غضون أسابيع من حصولهم على النظارات.',
        'وتقول الوزارتان إن البرنامج سيكلف نحو 12 مليون دولار سنويا، وسيتطلب توظيف 400 ممرض وممرضة إضافيين في المدارس. ورحبت النقابات الممثلة للممرضين بالخطة، لكنها حذرت من أن التوظيف سيستغرق وقتا.',
      ],
    },
  },
]
