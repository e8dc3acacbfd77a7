/** One sample story of the demo agency's wire: plain text, written for the demo. */
export interface DemoWireStory {
  /** Stable and unique within its language: the item's guid is built from it. */
  key: string
  headline: string
  summary: string
  paragraphs: string[]
  /** How long before the demo was loaded the agency filed it. */
  minutesAgo: number
}

/** A dozen neutral sample stories in English, as an agency would file them through a day. */
export const DEMO_WIRE_STORIES_EN: DemoWireStory[] = [
  {
    key: 'library-hours',
    headline: 'City library extends weekend opening hours',
    summary: 'The central library will stay open until 8 p.m. on Saturdays from next month.',
    paragraphs: [
      'The central library will stay open until 8 p.m. on Saturdays from the start of next month, the city council said on Tuesday.',
      'Officials said the change follows a survey in which readers asked for more time to study at weekends. Staffing for the extra hours comes from the existing budget.',
    ],
    minutesAgo: 15,
  },
  {
    key: 'rail-timetable',
    headline: 'Regional rail operator publishes winter timetable',
    summary: 'Early trains on two commuter lines move ten minutes earlier from December.',
    paragraphs: [
      'The regional rail operator has published its winter timetable, moving the first trains on two commuter lines ten minutes earlier.',
      'The operator said the new times match shift changes at the port and the hospital. Weekend services are unchanged.',
    ],
    minutesAgo: 40,
  },
  {
    key: 'school-gardens',
    headline: 'Primary schools plant vegetable gardens for science lessons',
    summary: 'Twelve schools take part in a pilot that links gardening to the science curriculum.',
    paragraphs: [
      'Twelve primary schools have planted vegetable gardens as part of a pilot that ties gardening to science lessons.',
      'Teachers will record how pupils measure growth, rainfall and soil temperature over the school year. The education department will review the pilot in the summer.',
    ],
    minutesAgo: 70,
  },
  {
    key: 'museum-reopens',
    headline: 'Maritime museum reopens after roof repairs',
    summary: 'The museum’s main hall reopens to visitors on Friday after eight months of work.',
    paragraphs: [
      'The maritime museum reopens its main hall to visitors on Friday after eight months of roof repairs.',
      'The collection of ship models and navigation instruments has been cleaned and rearranged during the closure. Entry remains free for children under twelve.',
    ],
    minutesAgo: 95,
  },
  {
    key: 'rainfall-report',
    headline: 'Weather office records wettest October in a decade',
    summary: 'Rainfall last month was nearly twice the long-term average for October.',
    paragraphs: [
      'The national weather office said last month was the wettest October in ten years, with rainfall nearly twice the long-term average.',
      'Forecasters expect drier conditions in the coming week, with temperatures close to normal for the season.',
    ],
    minutesAgo: 130,
  },
  {
    key: 'bus-fares',
    headline: 'Transport authority keeps bus fares unchanged for next year',
    summary: 'Single tickets and monthly passes will cost the same as this year.',
    paragraphs: [
      'The transport authority said bus fares will stay at this year’s level throughout next year.',
      'The authority said higher ridership had covered rising fuel costs. Discounted passes for students and older residents also remain in place.',
    ],
    minutesAgo: 165,
  },
  {
    key: 'book-fair',
    headline: 'Annual book fair opens with more than 300 publishers',
    summary:
      'The fair runs for ten days and includes readings, workshops and a children’s section.',
    paragraphs: [
      'The annual book fair opened on Wednesday with more than 300 publishers from across the region.',
      'Organisers said this year’s programme includes evening readings, translation workshops and an enlarged children’s section. The fair runs for ten days.',
    ],
    minutesAgo: 200,
  },
  {
    key: 'solar-panels',
    headline: 'Public buildings to add solar panels on their roofs',
    summary: 'Forty schools and clinics will be fitted over the next two years.',
    paragraphs: [
      'Forty schools and clinics will have solar panels fitted on their roofs over the next two years, the energy ministry said.',
      'The ministry said the panels are expected to cover about a third of the buildings’ daytime electricity use.',
    ],
    minutesAgo: 240,
  },
  {
    key: 'marathon-route',
    headline: 'City marathon announces route along the seafront',
    summary: 'The route starts at the old harbour and finishes at the sports park.',
    paragraphs: [
      'Organisers of the city marathon have announced this year’s route, which starts at the old harbour and follows the seafront.',
      'Several roads will close for the morning of the race; the traffic department will publish the closures a week before.',
    ],
    minutesAgo: 280,
  },
  {
    key: 'clinic-hours',
    headline: 'Neighbourhood clinics add evening appointments',
    summary: 'Six clinics will see patients until 9 p.m. on weekdays.',
    paragraphs: [
      'Six neighbourhood clinics will offer evening appointments until 9 p.m. on weekdays from next week.',
      'The health department said appointments can be booked by phone or at the clinic’s front desk.',
    ],
    minutesAgo: 320,
  },
  {
    key: 'bridge-inspection',
    headline: 'Engineers begin routine inspection of the river bridge',
    summary: 'One lane will close overnight for two weeks while the inspection takes place.',
    paragraphs: [
      'Engineers have begun a routine inspection of the river bridge, which takes place every five years.',
      'One lane will close overnight for two weeks. The roads department said daytime traffic will not be affected.',
    ],
    minutesAgo: 365,
  },
  {
    key: 'park-trees',
    headline: 'Volunteers plant 500 trees in the city’s eastern park',
    summary: 'The planting is the first stage of a plan to add shade along the park’s paths.',
    paragraphs: [
      'Volunteers planted 500 young trees in the eastern park over the weekend.',
      'The parks department said the planting is the first stage of a plan to shade the park’s main paths within five years.',
    ],
    minutesAgo: 410,
  },
]

/** A dozen neutral sample stories in Arabic, written for the demo (not translations). */
export const DEMO_WIRE_STORIES_AR: DemoWireStory[] = [
  {
    key: 'library-hours',
    headline: 'المكتبة العامة تمدد ساعات العمل في عطلة نهاية الأسبوع',
    summary: 'تبقى المكتبة المركزية مفتوحة حتى الثامنة مساء كل سبت ابتداء من الشهر المقبل.',
    paragraphs: [
      'قال مجلس المدينة يوم الثلاثاء إن المكتبة المركزية ستبقى مفتوحة حتى الثامنة مساء كل سبت ابتداء من مطلع الشهر المقبل.',
      'وأوضح المسؤولون أن القرار جاء بعد استطلاع طلب فيه القراء وقتا أطول للدراسة في العطلة، وأن تكلفة الساعات الإضافية تغطيها الميزانية الحالية.',
    ],
    minutesAgo: 20,
  },
  {
    key: 'date-harvest',
    headline: 'بدء موسم قطاف التمور في مزارع الواحة',
    summary: 'يتوقع المزارعون محصولا قريبا من محصول العام الماضي.',
    paragraphs: [
      'بدأ المزارعون في الواحة موسم قطاف التمور هذا الأسبوع، ويتوقعون محصولا قريبا من محصول العام الماضي.',
      'وقالت جمعية المزارعين إن سوق التمور الأسبوعي سيفتح أبوابه يومي الجمعة والسبت طوال الموسم.',
    ],
    minutesAgo: 45,
  },
  {
    key: 'school-year',
    headline: 'وزارة التعليم تعلن مواعيد العام الدراسي الجديد',
    summary: 'تبدأ الدراسة في الأسبوع الأول من سبتمبر وتنتهي في منتصف يونيو.',
    paragraphs: [
      'أعلنت وزارة التعليم أن العام الدراسي الجديد يبدأ في الأسبوع الأول من سبتمبر وينتهي في منتصف يونيو.',
      'وتتضمن الخطة عطلة منتصف العام لمدة أسبوعين، إضافة إلى أيام للتدريب المهني للمعلمين قبل بدء الدراسة.',
    ],
    minutesAgo: 75,
  },
  {
    key: 'heritage-house',
    headline: 'افتتاح بيت تراثي بعد ترميمه في المدينة القديمة',
    summary: 'يضم البيت معرضا دائما للحرف اليدوية وقاعة للقراءة.',
    paragraphs: [
      'افتتح في المدينة القديمة بيت تراثي بعد أعمال ترميم استمرت عاما كاملا.',
      'ويضم البيت معرضا دائما للحرف اليدوية وقاعة للقراءة، ويستقبل الزوار يوميا عدا الاثنين.',
    ],
    minutesAgo: 100,
  },
  {
    key: 'weather-mild',
    headline: 'الأرصاد تتوقع طقسا معتدلا خلال الأيام المقبلة',
    summary: 'درجات الحرارة قريبة من معدلاتها مع رياح خفيفة.',
    paragraphs: [
      'توقعت دائرة الأرصاد الجوية طقسا معتدلا خلال الأيام المقبلة، مع درجات حرارة قريبة من معدلاتها لهذا الوقت من العام.',
      'وقالت الدائرة إن الرياح ستكون خفيفة إلى معتدلة، وإن البحر سيكون هادئا إلى متوسط الموج.',
    ],
    minutesAgo: 135,
  },
  {
    key: 'metro-line',
    headline: 'تشغيل تجريبي لخط الحافلات السريعة الجديد',
    summary: 'يربط الخط وسط المدينة بالجامعة في أقل من عشرين دقيقة.',
    paragraphs: [
      'بدأ التشغيل التجريبي لخط الحافلات السريعة الذي يربط وسط المدينة بالحرم الجامعي.',
      'وقالت هيئة النقل إن الرحلة تستغرق أقل من عشرين دقيقة، وإن التشغيل الكامل يبدأ بعد شهر من التجربة.',
    ],
    minutesAgo: 170,
  },
  {
    key: 'book-fair',
    headline: 'معرض الكتاب السنوي يفتح أبوابه بمشاركة واسعة',
    summary: 'يستمر المعرض عشرة أيام ويضم ندوات وورش عمل وجناحا للأطفال.',
    paragraphs: [
      'افتتح معرض الكتاب السنوي يوم الأربعاء بمشاركة أكثر من ثلاثمئة دار نشر من المنطقة.',
      'وقال المنظمون إن برنامج هذا العام يتضمن أمسيات قراءة وورشا في الترجمة وجناحا موسعا للأطفال.',
    ],
    minutesAgo: 205,
  },
  {
    key: 'water-network',
    headline: 'تحديث شبكة المياه في ثلاثة أحياء',
    summary: 'تستمر الأعمال ستة أسابيع مع انقطاعات قصيرة يعلن عنها مسبقا.',
    paragraphs: [
      'بدأت مصلحة المياه أعمال تحديث الشبكة في ثلاثة أحياء سكنية، وتستمر الأعمال نحو ستة أسابيع.',
      'وقالت المصلحة إنها ستعلن عن أي انقطاع قصير في المياه قبل يوم على الأقل.',
    ],
    minutesAgo: 245,
  },
  {
    key: 'youth-football',
    headline: 'انطلاق دوري الناشئين لكرة القدم بمشاركة ستة عشر فريقا',
    summary: 'تقام المباريات في ملاعب الأحياء كل جمعة.',
    paragraphs: [
      'انطلق دوري الناشئين لكرة القدم بمشاركة ستة عشر فريقا من أندية المدينة.',
      'وتقام المباريات كل جمعة في ملاعب الأحياء، ويختتم الدوري بمباراة نهائية في الملعب البلدي.',
    ],
    minutesAgo: 285,
  },
  {
    key: 'clinic-hours',
    headline: 'المراكز الصحية تضيف مواعيد مسائية',
    summary: 'تستقبل ستة مراكز المراجعين حتى التاسعة مساء في أيام الأسبوع.',
    paragraphs: [
      'أعلنت دائرة الصحة أن ستة مراكز صحية ستستقبل المراجعين حتى التاسعة مساء في أيام الأسبوع.',
      'ويمكن حجز المواعيد عبر الهاتف أو من مكتب الاستقبال في كل مركز.',
    ],
    minutesAgo: 325,
  },
  {
    key: 'port-records',
    headline: 'الميناء يسجل زيادة في عدد السفن القادمة',
    summary: 'ارتفع عدد السفن التي رست في الميناء خلال الربع الأخير.',
    paragraphs: [
      'قالت إدارة الميناء إن عدد السفن التي رست فيه خلال الربع الأخير ارتفع مقارنة بالفترة نفسها من العام الماضي.',
      'وأرجعت الإدارة الزيادة إلى توسعة الرصيف الشمالي التي اكتملت في الربيع.',
    ],
    minutesAgo: 370,
  },
  {
    key: 'park-trees',
    headline: 'متطوعون يزرعون خمسمئة شجرة في الحديقة الشرقية',
    summary: 'الزراعة هي المرحلة الأولى من خطة لتظليل ممرات الحديقة.',
    paragraphs: [
      'زرع متطوعون خمسمئة شجرة صغيرة في الحديقة الشرقية خلال عطلة نهاية الأسبوع.',
      'وقالت دائرة الحدائق إن الزراعة هي المرحلة الأولى من خطة لتظليل الممرات الرئيسية في الحديقة خلال خمس سنوات.',
    ],
    minutesAgo: 415,
  },
]
