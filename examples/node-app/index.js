const http = require('node:http');

const port = Number(process.env.PORT ?? 8080);
http
  .createServer((_req, res) => res.end('hello from the Strata buildpack example\n'))
  .listen(port, () => console.log(`listening on ${port}`));
