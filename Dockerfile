# The server image: build the admin UI with Node, the jar with Maven, run it on a JRE.
FROM node:20 AS admin-ui
WORKDIR /admin-ui
COPY admin-ui/package.json admin-ui/package-lock.json admin-ui/.npmrc ./
RUN npm ci --no-audit --no-fund
COPY admin-ui ./
RUN npm run build -- --outDir /admin-ui/out

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY schema schema
COPY src src
# the UI was built above: it goes into the jar as static resources, Maven leaves npm alone
COPY --from=admin-ui /admin-ui/out src/main/resources/static/admin
RUN mvn -B -ntp -DskipTests -Dadmin-ui.skip package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/cores.jar /app/cores.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/cores.jar"]
