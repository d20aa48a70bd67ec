/**
 * How each article format sounds, whatever the topic: an explainer asks and answers, an opinion piece argues in
 * the first person, an analysis weighs. News stories use the topic's own headlines and so have no pack here.
 */
import type { FormatPack, StoryFormat } from './topic';

export const FORMAT_PACKS: Partial<Record<StoryFormat, FormatPack>> = {
  analysis: {
    headlines: [
      'Why {focus.bare} is harder than it looks',
      '{Focus.bare}: the questions that remain',
      'Behind {leadSurname}\'s gamble on {focus.bare}',
      'The quiet logic of {focus.bare}',
      'What {focus.bare} tells us about the year ahead',
      'Is {focus.bare} running out of road?',
    ],
    deks: [
      'The headlines have been about personalities, but the real story is in the detail.',
      'Beneath the noise, the numbers point in an uncomfortable direction.',
      'There is more continuity here than either side likes to admit.',
      '{LeadSurname} has bought time, but time is not the same as a solution.',
    ],
    headings: ['The bigger picture', 'Reading the numbers', 'The risks', 'What it tells us', 'Winners and losers'],
    sentences: [
      'The deeper question is whether {focus} can survive contact with reality.',
      'Read closely, the figures suggest a more modest change than the rhetoric implies.',
      'There are three ways this could go, and only one of them is comfortable for {leadSurname}.',
      'History offers a warning: similar plans have tended to promise more than they delivered.',
      'The risk is less a sudden failure than a slow loss of confidence.',
      'What looks like a U-turn may in fact be a carefully prepared retreat.',
      'It is worth separating what has been announced from what has actually changed.',
      'The incentives all point towards delay, and delay has costs of its own.',
    ],
  },
  opinion: {
    headlines: [
      '{Focus.bare} is the wrong answer to a real problem',
      'Stop pretending {focus.bare} will fix everything',
      'In defence of {focus.bare}',
      'We need an honest conversation about {focus.bare}',
      'The case against {focus.bare} has not been made',
      '{Focus.bare} deserves better than this',
    ],
    deks: [
      'Everyone agrees something must change. Almost nobody is saying what it will cost.',
      'The loudest voices in this argument are not the ones with most at stake.',
      'It is time to stop treating a practical question as a test of loyalty.',
      'I have changed my mind on this, and I think others should too.',
    ],
    headings: ['The case against', 'A better way', 'Why this matters', 'Where I disagree', 'What we owe each other'],
    sentences: [
      'I have some sympathy for {leadSurname}, but sympathy is not a policy.',
      'Let me be clear about what I am not arguing.',
      'We have been here before, and we should remember how it ended.',
      'It is tempting to blame individuals, but the failure is one of design.',
      'The people who will live with the consequences have barely been asked.',
      'I spent a week in {place} talking to people about {focus}, and none of them recognised the debate.',
      'If that sounds naive, consider the alternative.',
      'There is a better argument to be had, and it starts with admitting what we do not know.',
      'My worry is not that the idea is bad, but that it is being sold dishonestly.',
    ],
  },
  explainer: {
    headlines: [
      '{Focus.bare} explained: what it means for you',
      'What is {focus.bare}, and why does it matter?',
      '{Focus.bare}: a guide to the key questions',
      'Everything you need to know about {focus.bare}',
      'How {focus.bare} works, and who it affects',
    ],
    deks: [
      'A plain guide to what has been decided, what has not, and what to watch for.',
      'The argument has been loud. Here is what is actually on the table.',
      'Who is affected, when, and by how much: the answers so far.',
    ],
    headings: ['What is it?', 'Why now?', 'Who is affected?', 'What happens next?', 'What does it cost?', 'What is still unclear?'],
    sentences: [
      'Put simply, {focus} changes who pays and when.',
      'The short answer is that it depends where you live.',
      'The longer answer requires a little history.',
      'Most people will not notice any difference for at least a year.',
      'The details matter, because the exceptions are where most of the argument lies.',
      'If you are unsure whether it applies to you, the rules are set out on official guidance pages.',
      'Here is the part that is often misunderstood.',
    ],
  },
  review: {
    headlines: ['{Title} review: {verdict}'],
    deks: ['A work that rewards patience, even when it tests it.'],
    headings: ['The verdict', 'What works', 'What falls short'],
    sentences: ['It is, for better and worse, exactly what it set out to be.'],
  },
};
