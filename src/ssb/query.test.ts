import { describe, expect, it } from 'vitest';
import { cellCount, dataUrl, metadataUrl, resolveQuery } from './query';
import { testMeta } from './testMeta';

const API = 'https://data.ssb.no/api/pxwebapi/v2';

describe('query → request', () => {
  it('expands expressions, keeps the table dimension order and counts cells', () => {
    const r = resolveQuery(testMeta(), {
      tableId: '12345',
      lang: 'no',
      selection: [
        { variableCode: 'Tid', codelist: null, valueCodes: ['top(3)'] },
        { variableCode: 'ContentsCode', codelist: null, valueCodes: ['A'] },
        { variableCode: 'region', codelist: null, valueCodes: ['????'] },
      ],
    });
    expect(r.request.dims.map((d) => d.variableCode)).toEqual(['Region', 'ContentsCode', 'Tid']);
    expect(r.order.Tid).toEqual(['2021', '2022', '2023']);
    expect(cellCount(r.request)).toBe(5 * 1 * 3);
    expect(r.missingMandatory).toEqual([]);
  });

  it('reports unknown dimensions and codes and dimensions that cannot be left out', () => {
    const r = resolveQuery(testMeta(), {
      tableId: '12345',
      lang: 'no',
      selection: [
        { variableCode: 'Region', codelist: null, valueCodes: ['0301', '9999'] },
        { variableCode: 'Kjonn', codelist: null, valueCodes: ['1'] },
        { variableCode: 'ContentsCode', codelist: null, valueCodes: [] },
      ],
    });
    expect(r.unknown).toEqual([{ variableCode: 'Region', valueCode: '9999' }]);
    expect(r.unknownDims).toEqual(['Kjonn']);
    // Alder may be eliminated; ContentsCode (empty) and Tid may not.
    expect(r.missingMandatory).toEqual(['ContentsCode', 'Tid']);
  });

  it('writes the GET URL of PxWebApi v2, codes percent-encoded, code lists as codelist[Dim]', () => {
    const url = dataUrl(API, {
      tableId: '07459',
      lang: 'no',
      dims: [
        { variableCode: 'Region', codelist: 'agg_KommSummer', codes: ['K-0301', 'K-3101'] },
        { variableCode: 'Alder', codelist: null, codes: ['104', '105+'] },
      ],
    });
    expect(url).toBe(
      `${API}/tables/07459/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=K-0301,K-3101&codelist[Region]=agg_KommSummer&valueCodes[Alder]=104,105%2B`,
    );
    expect(metadataUrl(API, '07459', 'no', { Region: 'agg_KommSummer' })).toBe(`${API}/tables/07459/metadata?lang=no&codelist[Region]=agg_KommSummer`);
  });
});
