import type { Localized } from './demo-taxonomy.js'

/** A static page of the demo site in both editions. */
export interface DemoPage {
  key: string
  slug: Localized
  title: Localized
  paragraphs: { en: string[]; ar: string[] }
  isInFooter: boolean
}

export const DEMO_SITE_NAME: Localized = { en: 'Masthead News', ar: 'ماستهد نيوز' }

/** The "who we are" line of the footer. */
export const DEMO_ABOUT: Localized = {
  en: 'Masthead News is an independent regional news service publishing in Arabic and English, around the clock.',
  ar: 'ماستهد نيوز خدمة إخبارية إقليمية مستقلة تنشر بالعربية والإنجليزية على مدار الساعة.',
}

/** The demo site's social accounts (placeholder addresses on reserved example domains). */
export const DEMO_SOCIAL_LINKS = [
  { network: 'X', url: 'https://x.example/mastheadnews' },
  { network: 'Facebook', url: 'https://facebook.example/mastheadnews' },
  { network: 'YouTube', url: 'https://youtube.example/@mastheadnews' },
  { network: 'Instagram', url: 'https://instagram.example/mastheadnews' },
]

export const DEMO_PAGES: DemoPage[] = [
  {
    key: 'about',
    slug: { en: 'about', ar: 'about' },
    title: { en: 'About us', ar: 'من نحن' },
    isInFooter: true,
    paragraphs: {
      en: [
        'Masthead News is a regional news service with newsrooms that work in Arabic and English. Our reporters, editors and photographers cover politics, the economy, science, culture and sport across the region and beyond.',
        'We publish the same core reporting in both languages, and each edition adds stories of its own for its readers. Wire reports from partner agencies are credited on every article that uses them.',
        'We are funded by subscriptions, advertising and licensing of our content. No owner, advertiser or partner has a say in what we report.',
      ],
      ar: [
        'ماستهد نيوز خدمة إخبارية إقليمية تعمل غرف أخبارها باللغتين العربية والإنجليزية. يغطي مراسلونا ومحررونا ومصورونا السياسة والاقتصاد والعلوم والثقافة والرياضة في المنطقة وخارجها.',
        'ننشر التغطية الأساسية نفسها باللغتين، وتضيف كل نسخة قصصا خاصة بقرائها. ونذكر مصدر تقارير الوكالات الشريكة في كل مقال يعتمد عليها.',
        'نعتمد في تمويلنا على الاشتراكات والإعلانات وترخيص محتوانا، ولا يملك أي مالك أو معلن أو شريك رأيا فيما ننشره.',
      ],
    },
  },
  {
    key: 'contact',
    slug: { en: 'contact', ar: 'contact' },
    title: { en: 'Contact us', ar: 'اتصل بنا' },
    isInFooter: true,
    paragraphs: {
      en: [
        'We read every message. To tell us about a story, suggest a correction or ask a question about our reporting, use the form on this page.',
        'For corrections, please give the headline of the article and describe what is wrong. Corrections are published at the end of the article concerned.',
      ],
      ar: [
        'نقرأ كل رسالة تصلنا. لإبلاغنا بقصة أو اقتراح تصحيح أو طرح سؤال عن تغطيتنا، استخدموا النموذج في هذه الصفحة.',
        'لطلب تصحيح، يرجى ذكر عنوان المقال ووصف الخطأ. تنشر التصحيحات في نهاية المقال المعني.',
      ],
    },
  },
  {
    key: 'standards',
    slug: { en: 'standards', ar: 'standards' },
    title: { en: 'Editorial standards', ar: 'المعايير التحريرية' },
    isInFooter: true,
    paragraphs: {
      en: [
        'Every story we publish is checked by at least one editor before it goes online. We name our sources wherever we can, and we explain why when we cannot.',
        'When we get something wrong, we correct it openly: the correction appears at the end of the article with the date it was made.',
        'Opinion pieces are labelled as such and are kept apart from news reporting.',
      ],
      ar: [
        'يراجع محرر واحد على الأقل كل قصة ننشرها قبل ظهورها على الموقع. نسمي مصادرنا كلما أمكن، ونوضح السبب حين يتعذر ذلك.',
        'حين نخطئ نصحح الخطأ علنا: يظهر التصحيح في نهاية المقال مع تاريخ إجرائه.',
        'تحمل مقالات الرأي وسما واضحا، وتبقى منفصلة عن التغطية الإخبارية.',
      ],
    },
  },
]
