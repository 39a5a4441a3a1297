/** Where a class's instructor pages and API live; used by pages, forms and tests alike. */
export const classPage = (classId: string, ...rest: string[]) => ["/instructor/classes", encodeURIComponent(classId), ...rest.map(encodeURIComponent)].join("/");
export const classApi = (classId: string, ...rest: string[]) => ["/api/instructor/classes", encodeURIComponent(classId), ...rest.map(encodeURIComponent)].join("/");
