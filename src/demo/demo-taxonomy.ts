/** The demo newsroom's sections, tags, authors, sources and galleries, in both languages. */

export type Localized = {
  en: string
  ar: string
}

export interface DemoSection {
  key: string
  parent?: string
  name: Localized
  /** Slugs per language; the Arabic one is Arabic, as Arabic news sites use. */
  slug: Localized
}

export const DEMO_SECTIONS: DemoSection[] = [
  { key: 'news', name: { en: 'News', ar: 'أخبار' }, slug: { en: 'news', ar: 'أخبار' } },
  {
    key: 'world',
    parent: 'news',
    name: { en: 'World', ar: 'العالم' },
    slug: { en: 'world', ar: 'العالم' },
  },
  {
    key: 'middle-east',
    parent: 'news',
    name: { en: 'Middle East', ar: 'الشرق الأوسط' },
    slug: { en: 'middle-east', ar: 'الشرق-الأوسط' },
  },
  {
    key: 'business',
    name: { en: 'Business', ar: 'اقتصاد' },
    slug: { en: 'business', ar: 'اقتصاد' },
  },
  {
    key: 'markets',
    parent: 'business',
    name: { en: 'Markets', ar: 'أسواق' },
    slug: { en: 'markets', ar: 'أسواق' },
  },
  {
    key: 'technology',
    parent: 'business',
    name: { en: 'Technology', ar: 'تكنولوجيا' },
    slug: { en: 'technology', ar: 'تكنولوجيا' },
  },
  { key: 'sport', name: { en: 'Sport', ar: 'رياضة' }, slug: { en: 'sport', ar: 'رياضة' } },
  {
    key: 'football',
    parent: 'sport',
    name: { en: 'Football', ar: 'كرة القدم' },
    slug: { en: 'football', ar: 'كرة-القدم' },
  },
  { key: 'culture', name: { en: 'Culture', ar: 'ثقافة' }, slug: { en: 'culture', ar: 'ثقافة' } },
  {
    key: 'arts',
    parent: 'culture',
    name: { en: 'Arts', ar: 'فنون' },
    slug: { en: 'arts', ar: 'فنون' },
  },
  {
    key: 'science',
    name: { en: 'Science & Health', ar: 'علوم وصحة' },
    slug: { en: 'science', ar: 'علوم-وصحة' },
  },
  {
    key: 'climate',
    parent: 'science',
    name: { en: 'Climate', ar: 'مناخ' },
    slug: { en: 'climate', ar: 'مناخ' },
  },
  {
    key: 'health',
    parent: 'science',
    name: { en: 'Health', ar: 'صحة' },
    slug: { en: 'health', ar: 'صحة' },
  },
  { key: 'opinion', name: { en: 'Opinion', ar: 'رأي' }, slug: { en: 'opinion', ar: 'رأي' } },
]

/** Tags exist per language; a key here yields one tag in each edition. */
export const DEMO_TAGS: Record<string, Localized> = {
  elections: { en: 'Elections', ar: 'انتخابات' },
  diplomacy: { en: 'Diplomacy', ar: 'دبلوماسية' },
  'united-nations': { en: 'United Nations', ar: 'الأمم المتحدة' },
  'climate-change': { en: 'Climate change', ar: 'تغير المناخ' },
  'renewable-energy': { en: 'Renewable energy', ar: 'الطاقة المتجددة' },
  water: { en: 'Water', ar: 'المياه' },
  drought: { en: 'Drought', ar: 'الجفاف' },
  weather: { en: 'Weather', ar: 'الطقس' },
  oil: { en: 'Oil', ar: 'النفط' },
  inflation: { en: 'Inflation', ar: 'التضخم' },
  'central-banks': { en: 'Central banks', ar: 'البنوك المركزية' },
  trade: { en: 'Trade', ar: 'التجارة' },
  employment: { en: 'Jobs', ar: 'التوظيف' },
  startups: { en: 'Startups', ar: 'الشركات الناشئة' },
  'artificial-intelligence': { en: 'Artificial intelligence', ar: 'الذكاء الاصطناعي' },
  cybersecurity: { en: 'Cybersecurity', ar: 'الأمن السيبراني' },
  space: { en: 'Space', ar: 'الفضاء' },
  'public-health': { en: 'Public health', ar: 'الصحة العامة' },
  vaccines: { en: 'Vaccines', ar: 'اللقاحات' },
  education: { en: 'Education', ar: 'التعليم' },
  transport: { en: 'Transport', ar: 'النقل' },
  housing: { en: 'Housing', ar: 'الإسكان' },
  agriculture: { en: 'Agriculture', ar: 'الزراعة' },
  tourism: { en: 'Tourism', ar: 'السياحة' },
  heritage: { en: 'Heritage', ar: 'التراث' },
  archaeology: { en: 'Archaeology', ar: 'الآثار' },
  museums: { en: 'Museums', ar: 'المتاحف' },
  film: { en: 'Film', ar: 'السينما' },
  music: { en: 'Music', ar: 'الموسيقى' },
  literature: { en: 'Literature', ar: 'الأدب' },
  festivals: { en: 'Festivals', ar: 'المهرجانات' },
  'football-league': { en: 'League football', ar: 'الدوري' },
  'national-team': { en: 'National team', ar: 'المنتخب الوطني' },
  athletics: { en: 'Athletics', ar: 'ألعاب القوى' },
  cities: { en: 'Cities', ar: 'المدن' },
  refugees: { en: 'Refugees', ar: 'اللاجئون' },
}

export interface DemoAuthor {
  key: string
  name: Localized
  bio: Localized
}

export const DEMO_AUTHORS: DemoAuthor[] = [
  {
    key: 'sara-haddad',
    name: { en: 'Sara Haddad', ar: 'سارة حداد' },
    bio: {
      en: 'Sara Haddad covers diplomacy and regional affairs.',
      ar: 'تغطي سارة حداد الشؤون الدبلوماسية والإقليمية.',
    },
  },
  {
    key: 'omar-khalil',
    name: { en: 'Omar Khalil', ar: 'عمر خليل' },
    bio: {
      en: 'Omar Khalil writes about the economy, energy and markets.',
      ar: 'يكتب عمر خليل عن الاقتصاد والطاقة والأسواق.',
    },
  },
  {
    key: 'lina-mansour',
    name: { en: 'Lina Mansour', ar: 'لينا منصور' },
    bio: {
      en: 'Lina Mansour is the culture editor.',
      ar: 'لينا منصور محررة الشؤون الثقافية.',
    },
  },
  {
    key: 'daniel-reeves',
    name: { en: 'Daniel Reeves', ar: 'دانيال ريفز' },
    bio: {
      en: 'Daniel Reeves reports on science, health and the environment.',
      ar: 'يغطي دانيال ريفز العلوم والصحة والبيئة.',
    },
  },
  {
    key: 'yousef-nasser',
    name: { en: 'Yousef Nasser', ar: 'يوسف ناصر' },
    bio: {
      en: 'Yousef Nasser is the sports correspondent.',
      ar: 'يوسف ناصر مراسل الشؤون الرياضية.',
    },
  },
  {
    key: 'maya-farouk',
    name: { en: 'Maya Farouk', ar: 'مايا فاروق' },
    bio: {
      en: 'Maya Farouk covers technology and the digital economy.',
      ar: 'تغطي مايا فاروق التكنولوجيا والاقتصاد الرقمي.',
    },
  },
]

export interface DemoSource {
  key: string
  name: Localized
  url: string
}

/** Fictional news agencies, on reserved example domains. */
export const DEMO_SOURCES: DemoSource[] = [
  {
    key: 'meridian',
    name: { en: 'Meridian Press Agency', ar: 'وكالة ميريديان للأنباء' },
    url: 'https://meridian-press.example',
  },
  {
    key: 'mashriq',
    name: { en: 'Mashriq News Agency', ar: 'وكالة أنباء المشرق' },
    url: 'https://mashriq-news.example',
  },
  {
    key: 'nile',
    name: { en: 'Nile News Service', ar: 'خدمة أنباء النيل' },
    url: 'https://nile-news.example',
  },
  { key: 'atlas', name: { en: 'Atlas Press', ar: 'أطلس برس' }, url: 'https://atlas-press.example' },
  {
    key: 'gulf-bulletin',
    name: { en: 'Gulf Bulletin', ar: 'نشرة الخليج' },
    url: 'https://gulf-bulletin.example',
  },
  {
    key: 'continental',
    name: { en: 'Continental Newswire', ar: 'كونتيننتال نيوزواير' },
    url: 'https://continental-wire.example',
  },
]

export interface DemoGalleryImage {
  caption: Localized
  alt: Localized
}

export interface DemoGallery {
  key: string
  title: Localized
  /** The photographer's credit, in each edition's script. */
  credit: Localized
  /** Base hues of the generated pictures (0–360). */
  palette: number[]
  images: DemoGalleryImage[]
}

export const DEMO_GALLERIES: DemoGallery[] = [
  {
    key: 'desert-bloom',
    title: { en: 'The desert in bloom', ar: 'الصحراء تزهر' },
    credit: { en: 'Karim Said / Masthead', ar: 'كريم سعيد / ماستهد' },
    palette: [32, 48, 95, 280],
    images: [
      {
        caption: {
          en: 'Wildflowers cover a dune after the winter rains.',
          ar: 'أزهار برية تغطي كثيبا بعد أمطار الشتاء.',
        },
        alt: { en: 'Yellow flowers on a sand dune', ar: 'أزهار صفراء على كثيب رملي' },
      },
      {
        caption: {
          en: 'A shallow pool left by the storm reflects the sky.',
          ar: 'بركة ضحلة خلفتها العاصفة تعكس السماء.',
        },
        alt: { en: 'A pool of water in the desert', ar: 'بركة ماء في الصحراء' },
      },
      {
        caption: {
          en: 'Grazing land turns green for a few weeks.',
          ar: 'المراعي تكتسي بالخضرة لبضعة أسابيع.',
        },
        alt: { en: 'Green grass between rocks', ar: 'عشب أخضر بين الصخور' },
      },
      {
        caption: { en: 'Evening light over the valley.', ar: 'ضوء المساء فوق الوادي.' },
        alt: { en: 'A valley at dusk', ar: 'واد عند الغروب' },
      },
      {
        caption: {
          en: 'Botanists count species along a marked trail.',
          ar: 'علماء نبات يحصون الأنواع على طول مسار محدد.',
        },
        alt: { en: 'Researchers kneeling by plants', ar: 'باحثون يجثون قرب النباتات' },
      },
    ],
  },
  {
    key: 'harbour-morning',
    title: { en: 'Morning at the old harbour', ar: 'صباح في الميناء القديم' },
    credit: { en: 'Nadia Rahal / Masthead', ar: 'نادية رحال / ماستهد' },
    palette: [200, 190, 15, 220],
    images: [
      {
        caption: {
          en: 'Fishing boats return before sunrise.',
          ar: 'قوارب الصيد تعود قبل شروق الشمس.',
        },
        alt: { en: 'Boats entering a harbour', ar: 'قوارب تدخل الميناء' },
      },
      {
        caption: {
          en: 'The morning catch is sorted on the quay.',
          ar: 'فرز صيد الصباح على الرصيف.',
        },
        alt: { en: 'Fish in crates on a quay', ar: 'أسماك في صناديق على الرصيف' },
      },
      {
        caption: {
          en: 'Nets are mended in the shade of the old customs house.',
          ar: 'إصلاح الشباك في ظل مبنى الجمارك القديم.',
        },
        alt: { en: 'Fishermen mending nets', ar: 'صيادون يصلحون الشباك' },
      },
      {
        caption: {
          en: 'The lighthouse, restored last year.',
          ar: 'المنارة بعد ترميمها العام الماضي.',
        },
        alt: { en: 'A white lighthouse', ar: 'منارة بيضاء' },
      },
      {
        caption: {
          en: 'Cafés on the waterfront open their shutters.',
          ar: 'مقاه على الواجهة البحرية تفتح أبوابها.',
        },
        alt: { en: 'Cafés along a waterfront', ar: 'مقاه على الواجهة البحرية' },
      },
      {
        caption: { en: 'A ferry leaves for the islands.', ar: 'عبارة تغادر نحو الجزر.' },
        alt: { en: 'A ferry at sea', ar: 'عبارة في البحر' },
      },
    ],
  },
  {
    key: 'lights-festival',
    title: { en: 'A city festival of lights', ar: 'مهرجان الأضواء في المدينة' },
    credit: { en: 'Tariq Aziz / Masthead', ar: 'طارق عزيز / ماستهد' },
    palette: [260, 320, 45, 180],
    images: [
      {
        caption: {
          en: 'Projections on the facade of the central library.',
          ar: 'عروض ضوئية على واجهة المكتبة المركزية.',
        },
        alt: { en: 'Coloured light on a building', ar: 'أضواء ملونة على مبنى' },
      },
      {
        caption: {
          en: 'Visitors walk through a tunnel of lanterns.',
          ar: 'زوار يعبرون نفقا من الفوانيس.',
        },
        alt: { en: 'People under lanterns', ar: 'أشخاص تحت الفوانيس' },
      },
      {
        caption: {
          en: 'A light sculpture by students of the art school.',
          ar: 'منحوتة ضوئية لطلاب مدرسة الفنون.',
        },
        alt: { en: 'A glowing sculpture', ar: 'منحوتة مضيئة' },
      },
      {
        caption: {
          en: 'The old bridge lit in the colours of the festival.',
          ar: 'الجسر القديم مضاء بألوان المهرجان.',
        },
        alt: { en: 'A lit bridge at night', ar: 'جسر مضاء ليلا' },
      },
      {
        caption: {
          en: 'Families watch the closing show by the river.',
          ar: 'عائلات تشاهد العرض الختامي قرب النهر.',
        },
        alt: { en: 'A crowd by a river at night', ar: 'حشد قرب النهر ليلا' },
      },
    ],
  },
  {
    key: 'match-day',
    title: { en: 'Match day', ar: 'يوم المباراة' },
    credit: { en: 'Hani Mourad / Masthead', ar: 'هاني مراد / ماستهد' },
    palette: [120, 140, 0, 210],
    images: [
      {
        caption: {
          en: 'Supporters gather outside the stadium hours before kick-off.',
          ar: 'المشجعون يتجمعون خارج الملعب قبل ساعات من انطلاق المباراة.',
        },
        alt: { en: 'Fans outside a stadium', ar: 'مشجعون خارج ملعب' },
      },
      {
        caption: { en: 'The teams line up for the anthem.', ar: 'الفريقان يصطفان لعزف النشيد.' },
        alt: { en: 'Two teams lined up on a pitch', ar: 'فريقان مصطفان على أرض الملعب' },
      },
      {
        caption: { en: 'A header in the second half.', ar: 'ضربة رأس في الشوط الثاني.' },
        alt: { en: 'Players jumping for the ball', ar: 'لاعبون يقفزون نحو الكرة' },
      },
      {
        caption: { en: 'The final whistle.', ar: 'صافرة النهاية.' },
        alt: { en: 'Players celebrating', ar: 'لاعبون يحتفلون' },
      },
    ],
  },
]
