/** Topics of the Culture desk. Each can also be written as a review of an invented work. */
import type { FormatPack, Topic } from './topic';

const VERDICTS = [
  'a quiet triumph', 'ambitious but uneven', 'a dazzling return to form', 'clever, cold and hard to love',
  'a messy, thrilling ride', 'more polish than heart', 'a slow burn that pays off', 'joyous from start to finish',
];

/** A topic's own review material; formats.ts adds the lines any review can use. */
function reviewPack(noun: string, sentences: string[], facts: readonly string[]): FormatPack {
  return {
    headlines: ['{Title} review: {verdict}', '{Title}: {verdict}'],
    deks: [
      `This ${noun} knows exactly what it wants to be, and mostly gets there.`,
      `The most talked-about ${noun} of the season lives up to some of the noise.`,
    ],
    headings: [],
    sentences,
    lists: [{ intro: 'The details:', items: facts }],
  };
}

export const CULTURE_TOPICS: readonly Topic[] = [
  {
    key: 'film',
    section: 'culture',
    weight: 4,
    tags: ['film', 'arts-funding', 'books'],
    subjects: ['the film festival in {place}', 'the wave of independent cinema closures', 'the studio\'s new slate', 'the awards season', 'the streaming deal'],
    actors: ['film-makers', 'cinema owners', 'the festival director', 'critics', 'distributors'],
    verbs: ['premiered', 'celebrated', 'warned about', 'snapped up', 'championed'],
    roles: ['director', 'festival director', 'film critic', 'owner of the Regal cinema in {place}'],
    headlines: [
      '{Title} wins top prize at {place} film festival',
      'Independent cinemas warn of closures as audiences stay home',
      '{LeadSurname} on {title}: “I wanted to make something honest”',
      'Streaming giant buys {title} after festival bidding war',
    ],
    deks: ['The film beat {n} other contenders for the festival\'s top award.', 'Audiences are slowly returning, but not everywhere.'],
    sentences: [
      'The festival screened {num} films from {num} countries over {n} days.',
      'Admissions at independent cinemas are still {pct} below pre-pandemic levels.',
      '{Title} was shot over {n} weeks on the coast near {place}.',
      'The director spent {n} years raising money for the project.',
      '{Actor} {verb} {subject}{tail}.',
    ],
    quotes: ['Cinemas are where films are meant to be seen, together, in the dark', 'I wanted to make something honest about the place I grew up'],
    headings: ['On the red carpet', 'The winners', 'An industry in flux'],
    lists: [{ intro: 'The festival\'s prize winners:', items: ['Best film: {title}', 'Best director: {person}', 'Best debut: {title}', 'Audience award: {title}'] }],
    captions: ['The opening night of the {place} film festival.', 'A still from {title}.'],
    slots: {
      title: ['The Salt Road', 'Harbour Lights', 'A Winter in Greyhaven', 'The Last Ferry', 'Paper Kingdoms', 'Low Tide', 'The Glass Orchard', 'Night Shift', 'Brackwater', 'The Long Field', 'Signal Fires', 'Under the Viaduct'],
      verdict: VERDICTS,
    },
    formats: {
      review: reviewPack('film', [
        '{person} gives a career-best performance as a woman who returns to {place} after twenty years away.',
        'The cinematography makes the coastline look both beautiful and threatening.',
        'At 1{digit}{digit} minutes, the film is at least twenty too long.',
        'The score, all low strings and silence, does much of the emotional work.',
      ], ['Director: {person}', 'Starring: {person} and {person}', 'Running time: 1{digit}{digit} minutes', 'In cinemas from {day}']),
    },
  },
  {
    key: 'books',
    section: 'culture',
    weight: 3,
    tags: ['books', 'arts-funding', 'education'],
    subjects: ['the fiction prize shortlist', 'the library closure programme', 'the literary festival in {place}', 'the debut novel boom'],
    actors: ['publishers', 'librarians', 'judges', 'authors', 'booksellers'],
    verbs: ['announced', 'campaigned against', 'praised', 'shortlisted'],
    roles: ['novelist', 'chair of the judges', 'head librarian in {place}', 'independent bookseller'],
    headlines: ['{Title} wins fiction prize', 'Libraries in {place} face cuts as councils look for savings', '{LeadSurname}: “Every novel is an argument with the last one”'],
    deks: ['The judges called it “a book of rare tenderness”.', 'Campaigners say libraries are more than a place to borrow books.'],
    sentences: [
      'The shortlist of {n} books was chosen from more than {num}0 submissions.',
      'Library visits in {place} have risen since the introduction of evening opening.',
      'The winner receives £{num},000 and a surge in sales.',
      '{Actor} {verb} {subject}{tail}.',
    ],
    quotes: ['A library is the one place in town where nobody asks you to buy anything', 'I wrote it in the hour before my children woke up'],
    headings: ['The shortlist', 'The winner', 'Shelf life'],
    lists: [{ intro: 'The shortlist:', items: ['{Title} by {person}', '{Title} by {person}', '{Title} by {person}', '{Title} by {person}'] }],
    captions: ['The prize ceremony in {place}.', 'A branch library in {place}.'],
    slots: {
      title: ['The Orchard Keeper\'s Daughter', 'Small Hours', 'What the River Knew', 'A Map of Lowbridge', 'The Cartographer\'s Lie', 'Ordinary Weather', 'The Lamplighters', 'Borrowed Rooms', 'A Field Guide to Leaving', 'Tidewrack'],
      verdict: VERDICTS,
    },
    formats: {
      review: reviewPack('novel', [
        'The prose is spare, almost severe, until a late chapter lets it bloom.',
        'Told in {n} voices, the novel circles a single summer in {place}.',
        'The dialogue crackles; the plotting occasionally creaks.',
        'It is a book about grief that never wallows.',
      ], ['Author: {person}', 'Publisher: Lantern House', 'Pages: 3{digit}{digit}', 'Price: £1{digit}.99']),
    },
  },
  {
    key: 'music',
    section: 'culture',
    weight: 3,
    tags: ['music', 'arts-funding', 'local-government', 'theatre'],
    subjects: ['the grassroots venue crisis', 'the summer festival at {place}', 'the orchestra funding cut', 'the ticket resale crackdown'],
    actors: ['promoters', 'musicians', 'fans', 'venue owners', 'the arts council'],
    verbs: ['sold out', 'warned about', 'cancelled', 'celebrated', 'campaigned for'],
    roles: ['singer', 'chief executive of the Music Venues Trust', 'principal conductor of the {place} Philharmonic', 'festival promoter'],
    headlines: ['Small music venues closing at rate of {n} a month', '{Title} tops the chart in first week', '{Place} festival sells out in {num} minutes', 'Orchestra warns {focus.bare} threatens its future'],
    deks: ['Owners say rising costs and falling audiences have left them on the edge.', 'The band\'s first album in {n} years has been a surprise hit.'],
    sentences: [
      'More than {num} grassroots venues have closed in {n} years.',
      'Tickets for the {place} festival sold out in {num} minutes.',
      'The orchestra\'s grant has been cut by {pct}.',
      '{Title} was recorded in a converted chapel near {place}.',
      '{Actor} {verb} {subject}{tail}.',
    ],
    quotes: ['Every big band started in a room like this', 'Music is not a luxury for people who can afford it'],
    headings: ['Last orders', 'On stage', 'Paying the bills'],
    lists: [{ intro: 'This year\'s line-up includes:', items: ['The Lowbridge Sound', 'Marrow and the Tide', 'Juniper Static', 'The {place} Philharmonic'] }],
    captions: ['The crowd at the {place} festival.', 'A gig at a grassroots venue in {place}.'],
    slots: { title: ['Northern Lights', 'Glass Houses', 'Weatherproof', 'Songs from the Estuary', 'Paper Moon Club', 'Undertow', 'Static Summer', 'Halflight', 'Copper and Salt', 'The Quiet Part'], verdict: VERDICTS },
    formats: {
      review: reviewPack('album', [
        'The first single is the weakest thing on the record, which says a lot about the rest.',
        'Guitars are buried under layers of synth, to hypnotic effect.',
        'At {n} tracks and barely forty minutes, it never outstays its welcome.',
        'The closing song is the best thing the band has ever recorded.',
      ], ['Producer: {person}', 'Label: Harbourside Records', 'Tracks: 1{digit}', 'Best heard: late, loud, on headphones']),
    },
  },
  {
    key: 'theatre',
    section: 'culture',
    weight: 1,
    tags: ['theatre', 'arts-funding', 'local-government'],
    subjects: ['the new season at the {place} Playhouse', 'the touring production', 'the theatre funding row'],
    actors: ['directors', 'actors', 'theatre boards', 'audiences'],
    verbs: ['opened', 'announced', 'rallied behind'],
    roles: ['artistic director of the {place} Playhouse', 'playwright', 'theatre critic'],
    headlines: ['{Place} Playhouse announces bold new season', '{Title} transfers to the capital after sell-out run', 'Regional theatres warn of dark stages'],
    deks: ['The season includes {n} new plays by writers from the region.', 'Theatres say ticket prices cannot rise any further.'],
    sentences: [
      'The Playhouse has staged {num} productions since it reopened.',
      'Touring costs have risen by {pct} in two years.',
      '{Actor} {verb} {subject}{tail}.',
    ],
    quotes: ['Theatre is the one art form that only happens once', 'We want a teenager from {place} to see themselves on our stage'],
    headings: ['The season', 'Curtain up', 'Keeping the lights on'],
    lists: [{ intro: 'The new season:', items: ['{Title}', '{Title}', 'A new version of an old farce', 'A one-woman show about the {place} mills'] }],
    captions: ['The {place} Playhouse.', 'A rehearsal for {title}.'],
    slots: { title: ['The Ferryman\'s Wife', 'Lanterns', 'A Quiet Coup', 'High Water', 'The Understudy', 'Tenants', 'The Mill Girls'], verdict: VERDICTS },
    formats: {
      review: reviewPack('production', [
        'The set, a single tilted room, becomes a character of its own.',
        '{person} is magnetic in the lead, all nervous energy and sudden stillness.',
        'The second act sags before a devastating final scene.',
      ], ['Director: {person}', 'Venue: the {place} Playhouse', 'Running time: about two and a half hours', 'Until the end of next month']),
    },
  },
];
