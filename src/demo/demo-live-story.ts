import type { DemoBlock, DemoText } from './demo-story.js'

/** One update of the demo's live story, in both editions. */
export interface DemoLiveEntry {
  /** How long before the demo is loaded it was posted. */
  minutesAgo: number
  isKeyEvent?: boolean
  isPinned?: boolean
  en: { title?: string; body: DemoBlock[] }
  ar: { title?: string; body: DemoBlock[] }
}

/** A live story in both editions, linked as translations, with its entries oldest first. */
export interface DemoLiveStory {
  key: string
  section: string
  tags: string[]
  authors: string[]
  /** How long before the demo is loaded the coverage began. */
  minutesAgo: number
  en: DemoText
  ar: DemoText
  entries: DemoLiveEntry[]
}

/** A fictional city marathon followed live: the demo's live story. */
export const DEMO_LIVE_STORY: DemoLiveStory = {
  key: 'live-coastal-marathon',
  section: 'sport',
  tags: ['athletics', 'cities'],
  authors: ['omar-khalil'],
  minutesAgo: 190,
  en: {
    headline: 'Coastal City Marathon: live updates from the seafront race',
    dek: 'About 9,000 runners take part in the twelfth edition of the race, which starts at the old harbour and finishes in Lighthouse Square.',
    body: [
      'Follow the twelfth Coastal City Marathon as it happens: the start at the old harbour, the climb to the northern headland and the finish in Lighthouse Square. Roads along the seafront are closed until mid-afternoon.',
    ],
  },
  ar: {
    headline: 'ماراثون المدينة الساحلية: تغطية مباشرة من سباق الواجهة البحرية',
    dek: 'يشارك نحو 9 آلاف عدّاء في النسخة الثانية عشرة من السباق، الذي ينطلق من الميناء القديم وينتهي في ساحة المنارة.',
    body: [
      'تابعوا لحظة بلحظة النسخة الثانية عشرة من ماراثون المدينة الساحلية: الانطلاق من الميناء القديم، والصعود إلى الرأس الشمالي، والوصول إلى ساحة المنارة. تبقى طرق الواجهة البحرية مغلقة حتى منتصف بعد الظهر.',
    ],
  },
  entries: [
    {
      minutesAgo: 185,
      en: {
        body: [
          'Good morning. Runners are gathering at the old harbour, where the temperature is 17 degrees with a light breeze from the sea. Organisers expect about 9,000 starters across the full and half marathon.',
        ],
      },
      ar: {
        body: [
          'صباح الخير. يتجمع العداؤون في الميناء القديم، حيث تبلغ درجة الحرارة 17 درجة مع نسيم خفيف من البحر. ويتوقع المنظمون مشاركة نحو 9 آلاف عدّاء في سباقي الماراثون الكامل ونصف الماراثون.',
        ],
      },
    },
    {
      minutesAgo: 172,
      isPinned: true,
      en: {
        title: 'Road closures and how to follow the race',
        body: [
          'The seafront road, Harbour Street and the northern headland road are closed to traffic until 15:00. Shuttle buses run every ten minutes from the central station to Lighthouse Square.',
          {
            list: [
              'Start: old harbour, 07:30',
              'Halfway: northern headland',
              'Finish: Lighthouse Square',
            ],
          },
        ],
      },
      ar: {
        title: 'إغلاق الطرق وكيفية متابعة السباق',
        body: [
          'تُغلق طريق الواجهة البحرية وشارع الميناء وطريق الرأس الشمالي أمام السيارات حتى الساعة 15:00. وتنطلق حافلات نقل كل عشر دقائق من المحطة المركزية إلى ساحة المنارة.',
          {
            list: [
              'الانطلاق: الميناء القديم، 07:30',
              'منتصف السباق: الرأس الشمالي',
              'الوصول: ساحة المنارة',
            ],
          },
        ],
      },
    },
    {
      minutesAgo: 160,
      isKeyEvent: true,
      en: {
        title: 'The race is under way',
        body: [
          'The starter’s horn sounds and the elite group sets off along the harbour wall, followed by waves of club runners. The wheelchair race started five minutes earlier.',
        ],
      },
      ar: {
        title: 'انطلاق السباق',
        body: [
          'دوّت صافرة الانطلاق وانطلقت مجموعة النخبة على امتداد سور الميناء، تلتها موجات من عدائي الأندية. وكان سباق الكراسي المتحركة قد انطلق قبل خمس دقائق.',
        ],
      },
    },
    {
      minutesAgo: 141,
      en: {
        body: [
          'At the 10 km mark a lead group of eight men is running together at a steady pace. In the women’s race, two runners have opened a gap of about 20 seconds.',
        ],
      },
      ar: {
        body: [
          'عند علامة 10 كيلومترات، تجري مجموعة متقدمة من ثمانية رجال معا بوتيرة ثابتة. وفي سباق السيدات، فتحت عداءتان فارقا يقارب 20 ثانية.',
        ],
      },
    },
    {
      minutesAgo: 118,
      en: {
        body: [
          'Volunteers at the water station on the seafront promenade say they have handed out 12,000 cups so far. Spectators line the railings three deep near the fish market.',
        ],
      },
      ar: {
        body: [
          'يقول المتطوعون في محطة المياه على كورنيش الواجهة البحرية إنهم وزعوا حتى الآن 12 ألف كوب. ويصطف المتفرجون في ثلاثة صفوف على الحواجز قرب سوق السمك.',
        ],
      },
    },
    {
      minutesAgo: 97,
      en: {
        title: 'Climb to the headland splits the field',
        body: [
          'The long climb to the northern headland has broken up the men’s lead group. Three runners remain at the front as they pass the halfway point.',
        ],
      },
      ar: {
        title: 'الصعود إلى الرأس الشمالي يفرّق المتسابقين',
        body: [
          'فرّق الصعود الطويل إلى الرأس الشمالي مجموعة الرجال المتقدمة. ولا يزال ثلاثة عدائين في المقدمة لدى اجتيازهم منتصف السباق.',
        ],
      },
    },
    {
      minutesAgo: 74,
      en: {
        body: [
          {
            quote:
              'The wind on the headland was harder than last year, but the crowd carried us down the hill.',
            cite: 'A club runner at the 30 km mark',
          },
        ],
      },
      ar: {
        body: [
          {
            quote: 'كانت الرياح على الرأس أقوى من العام الماضي، لكن الجمهور حملنا في النزول.',
            cite: 'عدّاء من أحد الأندية عند علامة 30 كيلومترا',
          },
        ],
      },
    },
    {
      minutesAgo: 52,
      isKeyEvent: true,
      en: {
        title: 'First runner crosses the finish line',
        body: [
          'The winner of the men’s race crosses the line in Lighthouse Square in 2 hours 11 minutes, about a minute outside the course record. The women’s race is expected to finish within the next quarter of an hour.',
        ],
      },
      ar: {
        title: 'أول عدّاء يجتاز خط النهاية',
        body: [
          'اجتاز الفائز في سباق الرجال خط النهاية في ساحة المنارة بزمن ساعتين و11 دقيقة، متأخرا نحو دقيقة عن الرقم القياسي للمسار. ومن المتوقع أن ينتهي سباق السيدات خلال ربع الساعة المقبل.',
        ],
      },
    },
    {
      minutesAgo: 31,
      en: {
        body: [
          'Medical teams report a quiet morning: a few cases of cramp and one sprained ankle, all treated at the finish area.',
        ],
      },
      ar: {
        body: [
          'تقول الفرق الطبية إن الصباح كان هادئا: بضع حالات تشنج عضلي والتواء في الكاحل، وعولجت جميعها في منطقة الوصول.',
        ],
      },
    },
    {
      minutesAgo: 12,
      en: {
        body: [
          'Runners are still arriving in Lighthouse Square, where a band is playing by the fountain. The course stays open for another two hours.',
        ],
      },
      ar: {
        body: [
          'لا يزال العداؤون يصلون إلى ساحة المنارة، حيث تعزف فرقة موسيقية قرب النافورة. ويبقى المسار مفتوحا لساعتين أخريين.',
        ],
      },
    },
  ],
}
